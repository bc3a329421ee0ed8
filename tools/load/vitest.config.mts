import { packageTestConfig } from '../../vitest.shared.mts';

export default packageTestConfig(import.meta.dirname);
