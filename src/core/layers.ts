/**
 * Each annotator adds its layer by declaration merging:
 *
 * @example
 * declare module '../../core/layers.js' { interface LayerMap { quotes: Quote[] } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface LayerMap {}
