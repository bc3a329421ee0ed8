import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.mts';

// The command is a .cts file (CommonJS for a faster start); Vite strips types from .ts/.mts only.
export default mergeConfig(packageTestConfig(import.meta.dirname), { oxc: { include: /\.(?:m?ts|cts|[jt]sx)$/ } });
