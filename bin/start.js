#!/usr/bin/env node
// `npm start`: the Discord bot or the terminal chat (see bin/launch.js for compiled versus source).
import { launch } from './launch.js';

await launch('main');
