import type { ProductField } from './product-facts-types.js';

/**
 * Labels shops print before an identifier or a brand, in the languages the shops of the fixtures and the
 * web at large use most ("SKU:", "Art.-Nr.", "EAN", "Item model number", "Marque"). A label is matched
 * whole (after trimming a trailing colon), never as a substring, so "Shipping code" is not a SKU label.
 */
const LABELS: ReadonlyArray<readonly [ProductField, RegExp, number]> = [
  [
    'gtin',
    /^(?:ean|ean[\s-]*(?:13|8|code|nummer|number|kód|kod)|gtin(?:[\s-]*(?:8|12|13|14))?|upc|upc[\s-]*code|isbn(?:[\s-]*(?:10|13))?|barcode|bar\s+code|código\s+de\s+barras|штрих-?код|jan(?:\s*code)?|jan\s*コード)$/iu,
    0.6,
  ],
  [
    'mpn',
    /^(?:mpn|model|model\s*(?:no|nr|number|#|code)\.?|item\s+model\s+number|manufacturer\s+part\s+(?:number|no\.?)|mfr\.?\s*part\s*(?:no|number|#)\.?|mfg\.?\s*part|part\s*(?:no|number|#)\.?|herstellernummer|hersteller-?artikelnummer|herstellerartikelnummer|modell(?:nummer|bezeichnung)?|modèle|référence\s+fabricant|réf(?:érence)?\s+constructeur|modelo|modello|model\s*kodu|модель|型号|型番|型號|דגם)$/iu,
    0.55,
  ],
  [
    'brand',
    /^(?:brand|brand\s+name|marke|marque|marca|merk|marka|märke|merkki|бренд|производитель|manufacturer|hersteller|fabricant|fabricante|produttore|značka|výrobca|výrobce|producent|gyártó|márka|marcă|producător|kaubamärk|tootja|zīmols|prekės\s+ženklas|μάρκα|ブランド|メーカー|品牌|厂商|製造商|מותג|יצרן)$/iu,
    0.5,
  ],
  [
    'sku',
    // Labels that can only mean the shop's own code. An optional leading word: "eBay item number", "Web code".
    /^(?:[\p{L}]+\s+)?(?:sku|sku[\s-]*(?:no|nr|number|#|id|code)\.?|item[\s-]*(?:no|nr|number|#|code|id)\.?|product[\s-]*(?:code|no|nr|number|id|#)\.?|prod(?:uct)?\.?[\s-]*id|web\s*code|asin|(?:id|c[oó]d(?:igo|ice|e)?\.?|kód|kod)\s*(?:do\s+|de\s+|del\s+|du\s+|dell'|des\s+)?(?:produto|producto|produs|prodotto|produit|produktu|product|artigo|artículo|articolo|article|articol|item|towaru|zboží|tovaru)|(?:ad|listing|anzeigen?|inserat|annonce|anuncio|annuncio)(?:[\s-]*(?:id|no|nr|number|nummer|numéro|número|numero))?|קוד\s+מוצר|מק["״']ט|商品(?:编号|編號|番号|コード)|货号)$/iu,
    0.65,
  ],
  [
    'sku',
    // Labels shops use for their code, and sometimes for the maker's.
    /^(?:[\p{L}]+\s+)?(?:article[\s-]*(?:no|nr|number|code)\.?|art(?:ikel)?[\s.-]*nr\.?|artikelnummer|artikel-?nummer|artikelcode|bestellnummer|best\.?[\s-]*nr\.?|reference|référence|réf\.?|ref\.?|referencia|referência|(?:ref(?:erence|erência|erencia)?|réf(?:érence)?)\s*(?:do\s+|de\s+|del\s+|du\s+)?(?:produto|producto|produit|product|artigo|artículo|article)|código|codice|cod\.?|numer\s+katalogowy|kod|код(?:\s+товара)?|артикул|арт\.?|品番|catalog\s*(?:no|number|#)\.?|stock\s*(?:no|number|code)|style\s*(?:no|number|#|code)\.?)$/iu,
    0.6,
  ],
];

/** Words that make a one-word prefix name someone else's code: "Manufacturer item number" is no SKU. */
const FOREIGN_PREFIX =
  /^(?:manufacturer|mfr|mfg|hersteller|fabricant|fabricante|model|vendor|supplier|lieferanten|ean|isbn|upc)\s/i;

/** The field a label names, and its confidence, or null. */
export function labelField(raw: string): { field: ProductField; confidence: number } | null {
  const label = raw
    .replace(/\s+/g, ' ')
    .replace(/[\s:：#.]+$/u, '')
    .trim();
  if (label.length === 0 || label.length > 40) return null;
  for (const [field, pattern, confidence] of LABELS) {
    if (field === 'sku' && FOREIGN_PREFIX.test(label)) continue;
    if (pattern.test(label)) return { field, confidence };
  }
  return null;
}

/**
 * `"Label: value"` in one text (`SKU: 12345`, `Art.-Nr.: 4711`, `EAN 4006381333931` after a known
 * label and a space), else null. The value is one short token run, not a sentence.
 */
export function inlineLabelValue(
  text: string,
): { field: ProductField; confidence: number; value: string } | null {
  if (text.length > 120) return null;
  const colon = /^([^:：]{2,40})[:：]\s*(.{1,80})$/u.exec(text);
  if (colon !== null) {
    const labelled = labelField(colon[1] as string);
    const value = (colon[2] as string).trim();
    if (labelled !== null && plausibleValue(labelled.field, value)) return { ...labelled, value };
    return null;
  }
  // `EAN 4006381333931`, `SKU #1234`: a label, then a code with digits.
  const spaced = /^(.{2,30}?)\s+#?([\p{L}\p{N}][\p{L}\p{N}./_-]{2,39})$/u.exec(text);
  if (spaced !== null && /\d/.test(spaced[2] as string)) {
    const labelled = labelField(spaced[1] as string);
    if (labelled !== null && labelled.field !== 'brand') return { ...labelled, value: spaced[2] as string };
  }
  return null;
}

/** Whether a value after a label looks like one: a code for identifiers, a short name for a brand. */
export function plausibleValue(field: ProductField, value: string): boolean {
  if (value.length === 0 || value.length > 80) return false;
  if (field === 'brand') return value.length <= 50 && /\p{L}/u.test(value) && value.split(/\s+/).length <= 6;
  // Identifiers: no spaces inside but a few (`HMP 2000`), and something alphanumeric.
  return value.length <= 50 && /[\p{L}\p{N}]/u.test(value) && value.split(/\s+/).length <= 3;
}
