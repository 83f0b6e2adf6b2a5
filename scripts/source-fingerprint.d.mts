/** See source-fingerprint.mjs. */
export declare function sourceFingerprint(dir: string): string;
/** See source-fingerprint.mjs. */
export declare function buildIsFresh(root: string): boolean;
/** See source-fingerprint.mjs. */
export declare function sourceFiles(dir: string): string[];
