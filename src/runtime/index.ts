export { startGleaner, type Gleaner, type GleanerOptions } from './gleaner.js';
