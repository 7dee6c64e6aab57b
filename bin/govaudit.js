#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so a fresh `npm install` is all it needs (no build step).
import { register } from 'tsx/esm/api';
register();
await import('../crawler/cli/main.ts');
