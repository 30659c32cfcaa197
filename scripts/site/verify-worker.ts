/** A worker thread of verify-site: verifies the pages it is given and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPages, type PageToVerify } from './verify-pages.ts';

parentPort?.postMessage(verifyPages(workerData as PageToVerify[]));
