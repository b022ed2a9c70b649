/**
 * Texts → vectors. Vectors of one `id` are comparable with each other and with nothing else: an index
 * records the id of the embedder that built it, and serving refuses to query it with another.
 */
export interface Embedder {
  /** The embedding space, e.g. `transformers:all-MiniLM-L6-v2:fp32:mean`. */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Free native resources (ONNX sessions). Idempotent. */
  close?(): Promise<void>;
}
