import { describe, expect, it } from 'vitest';
import { categoryPath } from '../../src/normalize/index.js';

describe('categoryPath', () => {
  it('drops the home crumb and the product itself', () => {
    expect(categoryPath(['Home', 'Audio', 'Headphones', 'Aero X1'], { productName: 'Aero X1' })).toEqual([
      'Audio',
      'Headphones',
    ]);
    expect(categoryPath(['Startseite', 'Garten', 'Hochdruckreiniger'])).toEqual([
      'Garten',
      'Hochdruckreiniger',
    ]);
    expect(categoryPath(['Accueil', 'Maison', 'Linge de maison'])).toEqual(['Maison', 'Linge de maison']);
    expect(categoryPath(['Главная', 'Бытовая техника', 'Холодильники'])).toEqual([
      'Бытовая техника',
      'Холодильники',
    ]);
    expect(categoryPath(['首页', '食品', '肉乾'])).toEqual(['食品', '肉乾']);
  });

  it('keeps a category that the product name merely contains', () => {
    expect(
      categoryPath(['Home', 'Fashion', 'Footwear', 'Running Shoes'], { productName: 'Stride Running Shoes' }),
    ).toEqual(['Fashion', 'Footwear', 'Running Shoes']);
  });

  it('splits a category written as one text', () => {
    expect(categoryPath('Electronics > Audio > Headphones')).toEqual(['Electronics', 'Audio', 'Headphones']);
    expect(categoryPath('Fashion › Women’s Handbags, Accessories & Shoes ')).toEqual([
      'Fashion',
      'Women’s Handbags, Accessories & Shoes',
    ]);
  });

  it('cleans crumbs and refuses a numeric taxonomy id', () => {
    expect(categoryPath(['  Home ', ' Toys &amp; Games ', '›', 'Puzzles'])).toEqual([
      'Toys & Games',
      'Puzzles',
    ]);
    expect(categoryPath('543543')).toEqual([]);
    expect(categoryPath(['Home', 'Home', 'Garden', 'Garden'])).toEqual(['Garden']);
  });
});
