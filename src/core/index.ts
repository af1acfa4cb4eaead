export * from './span.js';
export * from './errors.js';
export * from './meta.js';
export * from './layers.js';
export * from './doc.js';
export * from './hash.js';
export * from './pipeline.js';
export * from './raw-page.js';
