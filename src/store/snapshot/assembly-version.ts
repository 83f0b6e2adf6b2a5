/**
 * The version of what `assembleDataset` (src/store/assemble) makes of a dataset version's records. A stored
 * snapshot is used only when written by the same version; any other is ignored and the version is
 * assembled again from its records. Bump it with any change to the merge or to the model's records that
 * changes an assembled dataset: `assembly-fingerprint.test.ts` fails until you do (and tells you how).
 */
export const ASSEMBLY_VERSION = 7;
