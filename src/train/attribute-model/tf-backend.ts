import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export interface BackendState {
  /** The backend tensors run on: `wasm`, or `cpu` when wasm could not start. */
  name: string;
  /** Why wasm is not in use, when it is not. */
  warning: string | null;
}

let starting: Promise<BackendState> | null = null;

/**
 * Start TensorFlow.js on the wasm backend (SIMD; about 7× the pure-JS backend for dense training here).
 * `tf.setBackend('wasm')` answers `false` without throwing when the wasm binary cannot start, and tfjs
 * then stays on the slow backend: that is checked, and the fallback is reported loudly (a process
 * warning, and the backend's name in the model's metrics) rather than making training silently slower.
 * Started once per process; every caller shares the result.
 */
export async function ensureTensorflowBackend(): Promise<BackendState> {
  starting ??= start();
  const state = await starting;
  // The backend is global to tfjs: another part of the process may have switched it since.
  if (tf.getBackend() !== state.name) await tf.setBackend(state.name);
  return state;
}

async function start(): Promise<BackendState> {
  let reason: string;
  try {
    if ((await tf.setBackend('wasm')) && tf.getBackend() === 'wasm') {
      await tf.ready();
      return { name: 'wasm', warning: null };
    }
    reason = 'tf.setBackend("wasm") returned false';
  } catch (error) {
    reason = `tf.setBackend("wasm") threw: ${error instanceof Error ? error.message : String(error)}`;
  }
  const warning =
    `TensorFlow.js wasm backend did not start (${reason}); training falls back to the pure-JS cpu ` +
    `backend, about 7× slower. Check that @tensorflow/tfjs-backend-wasm is installed with its .wasm files.`;
  process.emitWarning(warning, { code: 'GLEANER_TFJS_WASM' });
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: tf.getBackend(), warning };
}
