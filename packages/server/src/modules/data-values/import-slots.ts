import { Semaphore } from '../../http/semaphore.ts';

/**
 * File imports that run at once in this process (CSV, JSON, Excel, import
 * jobs); the others wait their turn in order. An import's reading and
 * checking makes garbage at the pace of its rows: a burst of large files at
 * once would take memory by the gigabyte and starve every other request
 * (docs/performance.md, "Upload bombs").
 */
export const importSlots = new Semaphore(2);
