/**
 * Something kept per cell of a file while it is read (its first row, who may
 * write it): a file of 100,000 rows names 100,000 cells, so each is kept
 * under two small numbers (its unit-period's and its own within it) instead of
 * a string built over the row's fields, which would keep those fields alive
 * until the import ends.
 */
export class CellMap<V> {
  private readonly ids = new Map<string, number>();
  private readonly values = new Map<number, Map<number, V>>();

  private id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }

  private cells(org: string, period: string): Map<number, V> {
    const unitPeriod = this.id(`${org}\u0001${period}`);
    let cells = this.values.get(unitPeriod);
    if (!cells) {
      cells = new Map();
      this.values.set(unitPeriod, cells);
    }
    return cells;
  }

  get(org: string, period: string, cell: string): V | undefined {
    return this.cells(org, period).get(this.id(cell));
  }

  set(org: string, period: string, cell: string, value: V): void {
    this.cells(org, period).set(this.id(cell), value);
  }
}
