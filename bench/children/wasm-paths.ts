// Imported first by embedding.ts: with {"simd": false} the encoder runs on tfjs's plain WebAssembly binary. The
// backend starts initialising when @energetic-ai/core is imported and reads this map only after, so it must be
// set right here, before anything awaits.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as core from '@energetic-ai/core';

const input = JSON.parse(process.argv[2] ?? '{}') as { simd?: boolean };
if (input.simd === false) {
  const plain = join(dirname(createRequire(import.meta.url).resolve('@energetic-ai/core')), 'tfjs-backend-wasm.wasm');
  // Re-exported from @tensorflow/tfjs-backend-wasm, whose types the package does not ship.
  (core as unknown as { setWasmPaths(files: Record<string, string>): void }).setWasmPaths({
    'tfjs-backend-wasm.wasm': plain,
    'tfjs-backend-wasm-simd.wasm': plain,
    'tfjs-backend-wasm-threaded-simd.wasm': plain,
  });
}
