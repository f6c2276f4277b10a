import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stylesDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css')), 'styles');
const stylesModule = fs.readFileSync(path.join(srcDir, 'app/mantine-styles.ts'), 'utf8');

/** The parts a component is made of, whose styles it needs too (Mantine's per-component styles guide). */
const MADE_OF: Record<string, string[]> = {
  ActionIcon: ['UnstyledButton', 'Loader'],
  Alert: ['CloseButton'],
  Anchor: ['Text'],
  Autocomplete: ['Combobox', 'Input', 'Popover', 'ScrollArea'],
  Button: ['UnstyledButton', 'Loader'],
  Card: ['Paper'],
  Checkbox: ['InlineInput'],
  Drawer: ['ModalBase', 'Overlay', 'CloseButton', 'Paper'],
  FileInput: ['Input'],
  Menu: ['Popover', 'UnstyledButton'],
  Modal: ['ModalBase', 'Overlay', 'CloseButton', 'Paper'],
  MultiSelect: ['Combobox', 'Input', 'Pill', 'PillsInput', 'Popover', 'ScrollArea'],
  NativeSelect: ['Input'],
  NavLink: ['UnstyledButton'],
  NumberInput: ['Input'],
  PasswordInput: ['Input', 'ActionIcon'],
  Radio: ['InlineInput'],
  SegmentedControl: ['FloatingIndicator'],
  Select: ['Combobox', 'Input', 'Popover', 'ScrollArea'],
  Switch: ['InlineInput'],
  Tabs: ['UnstyledButton'],
  Textarea: ['Input'],
  TextInput: ['Input'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every name the app imports from @mantine/core. */
function mantineImports(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/import\s*{([^}]*)}\s*from\s*'@mantine\/core'/g)) {
      for (const part of match[1]!.split(',')) {
        const name = part
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

function imported(name: string): boolean {
  return stylesModule.includes(`'@mantine/core/styles/${name}.css'`);
}

describe('Mantine styles', () => {
  it('imports the styles of every Mantine component the app uses, and of the parts it is made of', () => {
    const used = mantineImports();
    expect(used.has('Button')).toBe(true); // the scan itself works
    const needed = new Set<string>();
    for (const name of used) {
      if (fs.existsSync(path.join(stylesDir, `${name}.css`))) needed.add(name);
      for (const part of MADE_OF[name] ?? []) needed.add(part);
    }
    const missing = [...needed].filter((name) => !imported(name)).map((name) => `import '@mantine/core/styles/${name}.css';`);
    expect(missing, 'add these lines to packages/web/src/app/mantine-styles.ts').toEqual([]);
  });

  it('imports the building blocks before the components made of them', () => {
    const position = (name: string) => stylesModule.indexOf(`/${name}.css'`);
    for (const [component, parts] of Object.entries(MADE_OF)) {
      if (!imported(component)) continue;
      for (const part of parts) expect(position(part), `${part} before ${component}`).toBeLessThan(position(component));
    }
    expect(position('baseline')).toBe(Math.min(...['baseline', 'global', 'Button'].map(position)));
  });
});
