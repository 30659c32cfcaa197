/** A worker thread of verify-site: verifies the pages it is given and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPages, type PageToVerify } from './verify-pages.ts';

const { pages, passedBefore } = workerData as { pages: PageToVerify[]; passedBefore: string[] };
parentPort?.postMessage(verifyPages(pages, new Set(passedBefore)));
