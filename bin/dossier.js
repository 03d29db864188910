#!/usr/bin/env node
// The `dossier` command (see bin/launch.js for compiled versus source).
import { launch } from './launch.js';

await launch('cli/main');
