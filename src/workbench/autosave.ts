import type { IWorkbookData } from "@univerjs/core";

/* global indexedDB, IDBDatabase, IDBObjectStore, IDBRequest */

/**
 * The workbench's autosave: one record in the browser's IndexedDB on this machine (nothing is sent
 * anywhere). It holds Univer's own snapshot of the workbook (`FWorkbook.save()`), which keeps
 * everything the grid shows (styles, widths, drop-downs, the pane's marks), not only what an .xlsx keeps.
 */
export interface Autosave {
  /** The workbook's name, as the Save button names its file. */
  readonly name: string;
  readonly snapshot: Partial<IWorkbookData>;
  /** When it was written (ms since the epoch). */
  readonly savedAt: number;
}

const DATABASE = "sales-playbook-workbench";
const STORE = "autosave";
const KEY = "workbook";

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
  });
}

async function inStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
    });
  } finally {
    db.close();
  }
}

/** The autosave kept from an earlier visit, if any. */
export async function readAutosave(): Promise<Autosave | undefined> {
  const found = await inStore<unknown>("readonly", (store) => store.get(KEY));
  return (found as Autosave | undefined) ?? undefined;
}

export async function writeAutosave(autosave: Autosave): Promise<void> {
  await inStore("readwrite", (store) => store.put(autosave, KEY));
}

export async function clearAutosave(): Promise<void> {
  await inStore("readwrite", (store) => store.delete(KEY));
}
