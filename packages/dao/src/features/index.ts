export { findFeaturesSettings, type FeatureOption, type FeaturesSettings } from './find-features-settings.js';
