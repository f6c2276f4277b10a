/**
 * Moves the focus between the cells of the entry grid like a spreadsheet and
 * spreads a pasted block over them. Cells are addressed by (row, column):
 * the row is the element's position in the form, the column its combination
 * of dimension values, whatever the screen layout (table or cards).
 */
export interface CellHandle {
  input: HTMLInputElement;
  /** Puts text in the cell and saves it (as if typed and confirmed). */
  commit(text: string): void;
  readOnly: boolean;
}

export type Direction = 'up' | 'down' | 'left' | 'right';
export type GridMode = 'table' | 'cards';

const id = (row: number, col: number) => `${row}:${col}`;

export class GridController {
  private readonly cells = new Map<string, CellHandle>();
  /** How many cells each row has. */
  private widths: number[] = [];
  mode: GridMode = 'table';

  setShape(widths: number[], mode: GridMode): void {
    this.widths = widths;
    this.mode = mode;
  }

  register(row: number, col: number, handle: CellHandle): () => void {
    const key = id(row, col);
    this.cells.set(key, handle);
    return () => {
      if (this.cells.get(key) === handle) this.cells.delete(key);
    };
  }

  private focus(row: number, col: number): boolean {
    const cell = this.cells.get(id(row, col));
    if (!cell) return false;
    cell.input.focus();
    cell.input.select();
    return true;
  }

  /** The next cell in reading order (row by row), or the previous one. */
  private step(row: number, col: number, by: 1 | -1): [number, number] | null {
    let r = row;
    let c = col + by;
    while (r >= 0 && r < this.widths.length) {
      const width = this.widths[r] ?? 0;
      if (c >= 0 && c < width) return [r, c];
      r += by;
      c = by === 1 ? 0 : (this.widths[r] ?? 0) - 1;
    }
    return null;
  }

  /** Moves the focus; answers false at the edge (nothing to move to). */
  move(row: number, col: number, direction: Direction): boolean {
    if (this.mode === 'cards' || direction === 'left' || direction === 'right') {
      // Cards are one vertical list: down is the next cell. Left and right stay within the row in a table.
      const by = direction === 'down' || direction === 'right' ? 1 : -1;
      if (this.mode === 'table') return this.focus(row, col + by);
      const next = this.step(row, col, by);
      return next ? this.focus(next[0], next[1]) : false;
    }
    for (let r = row + (direction === 'down' ? 1 : -1); r >= 0 && r < this.widths.length; r += direction === 'down' ? 1 : -1) {
      const width = this.widths[r] ?? 0;
      if (width > 0) return this.focus(r, Math.min(col, width - 1));
    }
    return false;
  }

  /**
   * Spreads a block copied from a spreadsheet (tab-separated columns, one line
   * per row) from the given cell to the right and down. Answers how many
   * cells it filled.
   */
  paste(row: number, col: number, text: string): number {
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    let filled = 0;
    lines.forEach((line, i) => {
      line.split('\t').forEach((value, j) => {
        const cell = this.cells.get(id(row + i, col + j));
        if (!cell || cell.readOnly) return;
        cell.commit(value.trim());
        filled++;
      });
    });
    return filled;
  }
}

/** Whether pasted text is a block (more than one cell) rather than one value. */
export function isBlock(text: string): boolean {
  return /[\t\n]/.test(text.replace(/\r?\n$/, ''));
}
