export { findAllMoh, type MohClass } from './find-all-moh.js';
