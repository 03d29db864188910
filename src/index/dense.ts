import hnswlib from 'hnswlib-node';

/** The HNSW graph file of an index directory. */
export const DENSE_FILE = 'hnswlib.index';

/** One dense hit: a chunk id (its HNSW label) and its cosine similarity to the query. */
export interface DenseHit {
  row: number;
  score: number;
}

/** HNSW build parameters. */
export interface HnswSettings {
  efConstruction: number;
  m: number;
}

/**
 * The chunks' vectors in an HNSW graph (hnswlib-node), labelled by chunk id. Nothing else is kept with it: the
 * chunk's text is read from the record store when a hit needs it (LangChain's HNSWLib would keep a second copy
 * of every chunk's text in its docstore, and parse it from JSON at every load).
 */
export class DenseIndex {
  private constructor(
    readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
  ) {}

  /** An empty graph with room for `capacity` vectors. */
  static create(dimensions: number, capacity: number, settings: HnswSettings): DenseIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, capacity), settings.m, settings.efConstruction, 100);
    return new DenseIndex(index, dimensions);
  }

  /** Reads a graph written by `write` (off the main thread: hnswlib reads it in its own worker). */
  static async read(path: string, dimensions: number): Promise<DenseIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(path);
    return new DenseIndex(index, dimensions);
  }

  async write(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }

  /** Vectors in the graph, removed ones included (hnswlib keeps them, marked). */
  get stored(): number {
    return this.index.getCurrentCount();
  }

  /** Inserts a vector under `label`, making room when the graph is full. */
  add(label: number, vector: Float32Array | number[]): void {
    const count = this.index.getCurrentCount();
    if (count >= this.index.getMaxElements()) this.index.resizeIndex(Math.ceil(count * 1.25) + 16);
    // hnswlib-node accepts only a plain array.
    this.index.addPoint(Array.isArray(vector) ? vector : Array.from(vector), label);
  }

  /** Marks a label deleted: never returned again. Unknown labels are ignored (a replayed removal). */
  remove(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // Already deleted, or never added (its insertion was compacted away).
    }
  }

  /** The `k` nearest live vectors to `vector`, with `ef` as the search breadth. */
  search(vector: number[] | Float32Array, k: number, ef: number, live: number): DenseHit[] {
    const wanted = Math.min(k, live);
    if (wanted <= 0) return [];
    this.index.setEf(Math.max(ef, wanted));
    const { neighbors, distances } = this.index.searchKnn(Array.isArray(vector) ? vector : Array.from(vector), wanted);
    return neighbors.map((row, i) => ({ row, score: 1 - distances[i]! }));
  }
}
