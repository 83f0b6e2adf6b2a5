import { writeCin } from '../bench/ingest.ts';
import { mkdirSync } from 'node:fs';
mkdirSync('/tmp/setcin', { recursive: true });
await writeCin('/tmp/setcin/cin.xml', 5000);
