import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tiny BERT-shaped model folder for the transformers.js embedder tests, made here so that nothing is
 * downloaded: `config.json`, a WordPiece `tokenizer.json` (+ `tokenizer_config.json`) and
 * `onnx/model.onnx`, a graph whose `last_hidden_state` is an embedding-table lookup of `input_ids`
 * (it declares `attention_mask` and `token_type_ids` as a BERT export does). The ONNX protobuf is written
 * by hand below: no ONNX writer is installed, and the format needs only five message types.
 */
export const TINY_VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  '[MASK]',
  'nurse',
  'doctor',
  'cook',
  'chef',
  'baker',
  '##s',
  'head',
  'pastry',
];
export const TINY_HIDDEN = 8;

/** Row `i` of the embedding table: deterministic, distinct per token. */
export function tinyEmbedding(token: number): Float32Array {
  return Float32Array.from(
    { length: TINY_HIDDEN },
    (_, j) => Math.sin(token * 7.3 + j * 1.9) + (token % TINY_HIDDEN === j ? 1 : 0),
  );
}

export function writeTinyBert(dir: string): string {
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnxModel());
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: TINY_HIDDEN,
      num_attention_heads: 1,
      num_hidden_layers: 1,
      vocab_size: TINY_VOCAB.length,
      max_position_embeddings: 64,
      type_vocab_size: 2,
    }),
  );
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 64,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(wordPieceTokenizer()));
  return dir;
}

function wordPieceTokenizer(): unknown {
  const special = (id: number) => ({
    id,
    content: TINY_VOCAB[id],
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = { SpecialToken: { id: '[CLS]', type_id: 0 } };
  const sep = { SpecialToken: { id: '[SEP]', type_id: 0 } };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [0, 1, 2, 3, 4].map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [cls, { Sequence: { id: 'A', type_id: 0 } }, sep],
      pair: [
        cls,
        { Sequence: { id: 'A', type_id: 0 } },
        sep,
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(TINY_VOCAB.map((token, i) => [token, i])),
    },
  };
}

// Protobuf: a field is a key (number << 3 | wire type) and a value; 0 = varint, 2 = length-delimited.
type Bytes = number[];
const varint = (value: number): Bytes => {
  const out: Bytes = [];
  let n = value;
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
};
const int = (field: number, value: number): Bytes => [...varint(field << 3), ...varint(value)];
const bytes = (field: number, value: Bytes | Uint8Array): Bytes => [
  ...varint((field << 3) | 2),
  ...varint(value.length),
  ...value,
];
const text = (field: number, value: string): Bytes => bytes(field, [...Buffer.from(value, 'utf8')]);
const message = (field: number, ...parts: Bytes[]): Bytes => bytes(field, parts.flat());

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto: name, TypeProto { tensor_type { elem_type, shape { dim* } } }. */
function valueInfo(field: number, name: string, elementType: number, dims: (number | string)[]): Bytes {
  const dim = (d: number | string) =>
    typeof d === 'number' ? message(1, int(1, d)) : message(1, text(2, d));
  return message(
    field,
    text(1, name),
    message(2, message(1, int(1, elementType), message(2, ...dims.map(dim)))),
  );
}

function onnxModel(): Uint8Array {
  const table = new Float32Array(TINY_VOCAB.length * TINY_HIDDEN);
  TINY_VOCAB.forEach((_, i) => table.set(tinyEmbedding(i), i * TINY_HIDDEN));
  const graph = [
    // NodeProto: Gather(emb, input_ids, axis=0) → last_hidden_state. AttributeProto type 2 = INT.
    message(
      1,
      text(1, 'emb'),
      text(1, 'input_ids'),
      text(2, 'last_hidden_state'),
      text(3, 'lookup'),
      text(4, 'Gather'),
      message(5, text(1, 'axis'), int(3, 0), int(20, 2)),
    ),
    text(2, 'tiny-bert'),
    // TensorProto: dims, data_type, name, raw_data.
    message(
      5,
      int(1, TINY_VOCAB.length),
      int(1, TINY_HIDDEN),
      int(2, FLOAT),
      text(8, 'emb'),
      bytes(9, new Uint8Array(table.buffer)),
    ),
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(11, 'token_type_ids', INT64, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch', 'sequence', TINY_HIDDEN]),
  ];
  // ModelProto: ir_version 8, producer_name, graph, opset_import { domain "", version 17 }.
  return new Uint8Array([
    ...int(1, 8),
    ...text(2, 'gleaner-tests'),
    ...message(7, ...graph),
    ...message(8, text(1, ''), int(2, 17)),
  ]);
}
