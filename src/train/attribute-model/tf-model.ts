// The parts of the attribute model that run TensorFlow.js: loaded on first use (`import()`), since
// TF.js and its WASM backend take about 0.4 s to load, which every CLI command and API start would pay.
export { trainAttributeModel } from './train.js';
export { saveAttributeModel, loadAttributeModel } from './persist.js';
export { predictMissing } from './predict.js';
