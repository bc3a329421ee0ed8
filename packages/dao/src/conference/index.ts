export { findAllConferences, type ConferenceProfile } from './find-all-conferences.js';
