/**
 * Availability as schema.org's ItemAvailability values, from what pages write: the vocabulary's URLs
 * (`http://schema.org/InStock`, `https://schema.org/OutOfStock`, `schema:PreOrder`), bare tokens in any
 * case and spelling (`in_stock`, `instock`, `OUT OF STOCK`, Google's feed values), and shop wording in
 * English, German, French, Spanish, Italian, Dutch, Portuguese, Russian, Polish, Japanese and Chinese
 * ("Auf Lager", "Rupture de stock", "нет в наличии", "在庫切れ", "缺货").
 */
export type Availability =
  | 'InStock'
  | 'OutOfStock'
  | 'PreOrder'
  | 'PreSale'
  | 'BackOrder'
  | 'MadeToOrder'
  | 'Discontinued'
  | 'LimitedAvailability'
  | 'SoldOut'
  | 'InStoreOnly'
  | 'OnlineOnly'
  | 'Reserved';

/** Whether a product with this availability can be ordered now (in the sense of the product benchmark). */
export function isPurchasable(availability: Availability): boolean {
  return !['OutOfStock', 'SoldOut', 'Discontinued', 'Reserved'].includes(availability);
}

/** Tokens with letters only, lower-cased: `in_stock`, `In Stock`, `IN-STOCK` are all `instock`. */
const TOKENS: ReadonlyMap<string, Availability> = new Map([
  ['instock', 'InStock'],
  ['available', 'InStock'],
  ['availablefororder', 'InStock'],
  ['onstock', 'InStock'],
  ['outofstock', 'OutOfStock'],
  ['oos', 'OutOfStock'],
  ['unavailable', 'OutOfStock'],
  ['notavailable', 'OutOfStock'],
  ['preorder', 'PreOrder'],
  ['presale', 'PreSale'],
  ['backorder', 'BackOrder'],
  ['backordered', 'BackOrder'],
  ['madetoorder', 'MadeToOrder'],
  ['discontinued', 'Discontinued'],
  ['limitedavailability', 'LimitedAvailability'],
  ['limitedstock', 'LimitedAvailability'],
  ['soldout', 'SoldOut'],
  ['instoreonly', 'InStoreOnly'],
  ['onlineonly', 'OnlineOnly'],
  ['reserved', 'Reserved'],
]);

/**
 * Phrases by meaning, checked in this order: what says "no" first ("not available" holds "available",
 * "nicht lieferbar" holds "lieferbar"), then the special cases, then "yes". A phrase matches whole words
 * (CJK phrases anywhere). `\d` stands for a count ("only 3 left").
 */
const PHRASES: ReadonlyArray<readonly [Availability, readonly string[]]> = [
  // Negated "no" words first: a classified ad's "NOT SOLD" is still for sale.
  ['InStock', ['not sold', 'unsold', 'not sold out', 'nicht verkauft', 'non vendu', 'no vendido', 'non venduto']],
  [
    'Discontinued',
    [
      'discontinued', 'no longer available', 'no longer sold', 'nicht mehr lieferbar', 'nicht mehr erhältlich',
      'nicht mehr verfügbar', 'auslaufartikel', 'plus commercialisé', 'plus disponible', 'fin de série',
      'descatalogado', 'ya no está disponible', 'fuori produzione', 'non più disponibile',
      'niet meer leverbaar', 'uit het assortiment', 'fora de linha', 'descontinuado', 'снят с производства',
      'снято с производства', 'больше не продается', 'wycofany', 'produkt wycofany', '販売終了', '生産終了',
      '停产', '停產', '已下架',
    ],
  ],
  [
    'SoldOut',
    ['sold out', 'ausverkauft', 'épuisé', 'agotado', 'esaurito', 'uitverkocht', 'esgotado', 'распродано', 'wyprzedany', 'wyprzedane', '売り切れ', '完売', '售罄', '已售完', '已售罄', '賣完'],
  ],
  [
    'OutOfStock',
    [
      'out of stock', 'out-of-stock', 'not in stock', 'currently unavailable', 'unavailable', 'not available',
      'temporarily unavailable', 'notify me when available', 'email me when available', 'no stock',
      'nicht vorrätig', 'nicht auf lager', 'nicht lieferbar', 'nicht verfügbar', 'derzeit nicht verfügbar',
      'vergriffen', 'rupture de stock', 'en rupture', 'indisponible', 'non disponible', "pas en stock",
      'sin stock', 'fuera de stock', 'no disponible', 'sin existencias', 'non disponibile', 'non è disponibile',
      'non in magazzino', 'niet op voorraad', 'niet leverbaar', 'niet beschikbaar', 'sem estoque',
      'fora de estoque', 'indisponível', 'sem stock', 'нет в наличии', 'нет на складе', 'отсутствует',
      'недоступно', 'нет в продаже', 'brak w magazynie', 'brak towaru', 'niedostępny', 'niedostępne',
      'produkt niedostępny', '在庫切れ', '在庫なし', '品切れ', '缺货', '缺貨', '无货', '無貨', '暂时缺货',
      '暫時缺貨',
    ],
  ],
  [
    'PreOrder',
    [
      'pre-order', 'preorder', 'pre order', 'available for pre-order', 'coming soon', 'vorbestellen',
      'vorbestellung', 'vorbestellbar', 'précommande', 'pré-commande', 'precommande', 'preventa',
      'reservar', 'pre-pedido', 'preordine', 'prenotazione', 'prenota ora', 'voorbestellen', 'voorverkoop',
      'pré-venda', 'pré-encomenda', 'prevenda', 'предзаказ', 'przedsprzedaż', '予約受付中', '予約', '预售',
      '預購', '预订', '預訂',
    ],
  ],
  [
    'BackOrder',
    [
      'backorder', 'back-order', 'back order', 'available to order', 'ships in \\d+ weeks', 'auf bestellung',
      'bestellbar', 'lieferbar in \\d+', 'sur commande', 'bajo pedido', 'su ordinazione', 'op bestelling',
      'sob encomenda', 'под заказ', 'na zamówienie', '取り寄せ', 'お取り寄せ', '订货', '訂貨',
    ],
  ],
  [
    'LimitedAvailability',
    [
      'limited stock', 'limited availability', 'low stock', 'only \\d+ left', 'few left', 'last items',
      'nur noch \\d+', 'wenige auf lager', 'begrenzt verfügbar', 'stock limité', 'plus que \\d+',
      'dernières pièces', 'últimas unidades', 'stock limitado', 'pocas unidades', 'ultimi pezzi',
      'disponibilità limitata', 'nog maar \\d+', 'beperkte voorraad', 'poucas unidades', 'осталось мало',
      'ostatnie sztuki', 'ograniczona ilość', '残りわずか', '在庫わずか', '库存紧张', '仅剩', '僅剩',
    ],
  ],
  [
    'InStoreOnly',
    [
      'in store only', 'in-store only', 'available in store', 'nur im markt', 'nur in der filiale',
      'uniquement en magasin', 'solo en tienda', 'solo in negozio', 'alleen in de winkel', 'apenas na loja',
      'только в магазине', 'tylko w sklepie', '店舗限定', '仅限门店', '僅限門市',
    ],
  ],
  [
    'OnlineOnly',
    ['online only', 'nur online', 'uniquement en ligne', 'solo online', 'alleen online', 'apenas online', 'только онлайн', 'tylko online', 'オンライン限定', '网店专享', '網路限定'],
  ],
  [
    'InStock',
    [
      'in stock', 'in-stock', 'available', 'ready to ship', 'ships today', 'add to cart', 'add to basket',
      'add to bag', 'buy now', 'auf lager', 'vorrätig', 'lieferbar', 'sofort lieferbar', 'verfügbar',
      'in den warenkorb', 'en stock', 'disponible', 'ajouter au panier', 'en existencia', 'hay existencias',
      'añadir al carrito', 'agregar al carrito', 'disponibile', 'in magazzino', 'disponibilità immediata',
      'aggiungi al carrello', 'op voorraad', 'leverbaar', 'beschikbaar', 'in winkelwagen', 'em estoque',
      'disponível', 'em stock', 'adicionar ao carrinho', 'в наличии', 'есть в наличии', 'доступно',
      'в корзину', 'купить', 'dostępny', 'dostępne', 'w magazynie', 'na stanie', 'do koszyka', '在庫あり',
      '在庫有り', '在庫有', 'カートに入れる', '有货', '有貨', '现货', '現貨', '加入购物车', '加入購物車',
    ],
  ],
]; // prettier-ignore

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]]/g, '\\$&');

/** One pattern per meaning; Latin and Cyrillic phrases bounded by non-letters. */
const MATCHERS: ReadonlyArray<readonly [Availability, RegExp]> = PHRASES.map(([value, phrases]) => {
  const alternatives = phrases.map((p) => {
    const body = p
      .split('\\d+')
      .map((part) => escape(part).replace(/ /g, '[\\s\\u00a0-]+'))
      .join('\\d+');
    return CJK.test(p) ? body : `(?<![\\p{L}])${body}(?![\\p{L}])`;
  });
  return [value, new RegExp(alternatives.join('|'), 'iu')] as const;
});

const SCHEMA_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:schema\.org|data-vocabulary\.org)\/(?:ItemAvailability\/)?([A-Za-z_]+)\/?$/i;
const PREFIXED = /^(?:schema|sdo|s|gr):([A-Za-z_]+)$/i;
/** Longer texts are not availability statements but paragraphs that happen to mention one. */
const MAX_CHARS = 160;

/**
 * A page's availability statement → schema.org value, or null when it says nothing recognisable.
 * Pure; never throws.
 *
 * @example normalizeAvailability('https://schema.org/InStock') // 'InStock'
 * @example normalizeAvailability('in_stock') // 'InStock'
 * @example normalizeAvailability('Derzeit nicht verfügbar') // 'OutOfStock'
 * @example normalizeAvailability('在庫切れ') // 'OutOfStock'
 */
export function normalizeAvailability(raw: unknown): Availability | null {
  if (typeof raw === 'boolean') return raw ? 'InStock' : 'OutOfStock';
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > MAX_CHARS) return null;
  const url = SCHEMA_URL.exec(text) ?? PREFIXED.exec(text);
  const token = (url?.[1] ?? text).toLowerCase().replace(/[^a-z]/g, '');
  const fromToken = TOKENS.get(token);
  if (fromToken !== undefined) return fromToken;
  if (url !== null) return null;
  for (const [value, pattern] of MATCHERS) if (pattern.test(text)) return value;
  return null;
}
