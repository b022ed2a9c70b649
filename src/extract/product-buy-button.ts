import type { Element } from 'domhandler';
import { shortText } from './short-text.js';

/**
 * The buy button: the control that puts the product in the cart. Its place anchors the price (printed
 * just above it) and its state says whether the product can be bought. Recognised by its attributes
 * (`add-to-cart`, `addToBasket`, `buy-now`) or its label in the languages shops use most.
 */

const CONTROL_TAGS: ReadonlySet<string> = new Set(['button', 'input', 'a']);
const BUY_ATTRIBUTE =
  /add[-_ ]?(?:to)?[-_ ]?(?:cart|bag|basket|trolley)|addtocart|add2cart|add[-_]?item[-_]?to|buy[-_ ]?(?:now|button|box|btn)|btn[-_ ]?buy|cart[-_ ]?add|purchase[-_ ]?button|in[-_ ]?den[-_ ]?warenkorb|warenkorb[-_ ]?button|ajout[-_ ]?panier|add[-_ ]?to[-_ ]?order/i;
const BUY_WORDS =
  /add to (?:shopping )?(?:cart|bag|basket|trolley)|buy (?:it )?now|in den (?:warenkorb|einkaufswagen)|jetzt kaufen|ajouter au panier|ajouter au sac|añadir al carrito|añadir a la (?:cesta|bolsa)|agregar al carrito|agregar a la bolsa|comprar(?: ahora| ya)?$|aggiungi al carrello|aggiungi alla borsa|compra ora|in (?:de )?winkelwagen|toevoegen aan winkelwagen|adicionar ao carrinho|adicionar à sacola|comprar agora|в корзину|добавить в корзину|купить|do koszyka|dodaj do koszyka|kup teraz|kosárba|do košíka|do košíku|vložit do košíku|přidat do košíku|lisa ostukorvi|lisa korvi|legg i handlekurv|lägg i varukorg|læg i kurv|lisää ostoskoriin|sepete ekle|adaugă în coș|adauga in cos|adaugă în coş|dodaj u košaricu|додати в кошик|カートに入れる|今すぐ購入|カートへ|加入购物车|立即购买|加入購物車|立即購買|直接購買|放入購物車|הוסף לסל|הוספה לסל|أضف إلى السلة|أضف للسلة|장바구니 담기|구매하기|ใส่ตะกร้า|thêm vào giỏ|masukkan keranjang|add to cart/i;
const MAX_LABEL_CHARS = 60;

/** Whether buy wording appears in a short text. */
export function hasBuyWords(text: string): boolean {
  return text.length <= MAX_LABEL_CHARS && BUY_WORDS.test(text);
}

export function isBuyControl(element: Element): boolean {
  const name = element.name;
  if (!CONTROL_TAGS.has(name)) return false;
  const attrs = element.attribs;
  if (name === 'input' && !/^(?:submit|button|image)$/i.test(attrs['type'] ?? '')) return false;
  const described = `${attrs['id'] ?? ''} ${attrs['class'] ?? ''} ${attrs['name'] ?? ''} ${attrs['data-action'] ?? ''}`;
  if (BUY_ATTRIBUTE.test(described)) return true;
  const label =
    name === 'input'
      ? (attrs['value'] ?? '')
      : `${shortText(element, MAX_LABEL_CHARS) ?? ''} ${attrs['aria-label'] ?? ''} ${attrs['title'] ?? ''}`;
  return hasBuyWords(label.trim());
}
