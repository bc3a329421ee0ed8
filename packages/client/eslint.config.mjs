import root from '../../eslint.config.mjs';

// out-tsc holds the declarations `typecheck` emits for the tests; they are not sources
export default [{ ignores: ['out-tsc/**'] }, ...root];
