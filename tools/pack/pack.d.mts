export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly files: readonly string[];
}

/** The workspace packages npm would publish (not private), in directory order. */
export function publishablePackages(root?: string): Promise<WorkspacePackage[]>;

/** Packages whose tarball would lack its build output (dist/ missing). */
export function unbuilt(packages: readonly WorkspacePackage[]): WorkspacePackage[];

/** `npm pack` of every publishable package into `outDir` (older tarballs removed first); the tarball paths. */
export function packAll(outDir: string, root?: string): Promise<string[]>;
