/** The files of an attribute model's version folder besides TF.js's own (model.json and weights). */
export const META_JSON = 'meta.json';
export const METRICS_JSON = 'metrics.json';
