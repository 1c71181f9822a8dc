// Moved to lib/record/hlc.ts (the record model lives below vault and sync); kept for old imports.
export * from '../record/hlc';
