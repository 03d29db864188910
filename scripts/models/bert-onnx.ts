import onnxProto from 'onnx-proto';
import type { Tensor } from './safetensors.ts';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/** The fields of a Hugging Face BERT `config.json` that decide the graph. */
export interface BertConfig {
  hidden_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  intermediate_size: number;
  layer_norm_eps: number;
  hidden_act: string;
}

// BERT's extended attention mask adds this to the scores of padding tokens, as the Hugging Face model did when
// all-MiniLM-L6-v2 was trained: exp(-10000) is 0 in float32, so padding gets no attention.
const MASKED_SCORE = -10000;

/**
 * Writes a BERT encoder (embeddings + N transformer layers, no pooler) as an ONNX model with the inputs and the
 * output transformers.js feature extraction uses: `input_ids`, `attention_mask`, `token_type_ids` → `last_hidden_state`.
 * Weights are Hugging Face `BertModel` tensors (`embeddings.*`, `encoder.layer.N.*`), Linear weights [out, in].
 * Built from standard ONNX opset 17 operators only, so onnxruntime's own fusions apply when it loads the graph.
 * @throws Error naming the first tensor missing or of the wrong shape.
 */
export function bertToOnnx(
  config: BertConfig,
  weights: Map<string, Tensor>,
  producer: string,
  options: { quantize?: boolean } = {},
): Uint8Array {
  if (config.hidden_act !== 'gelu') throw new Error(`Only BERT with hidden_act "gelu" is supported (got "${config.hidden_act}")`);
  const hidden = config.hidden_size;
  const heads = config.num_attention_heads;
  if (hidden % heads !== 0) throw new Error(`hidden_size ${hidden} is not a multiple of num_attention_heads ${heads}`);
  const g = new GraphBuilder(weights, options.quantize ?? false);

  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64('one', [], [1])], { axis: 0 });
  const positions = g.op('Range', [g.int64('zero', [], [0]), seqLen, 'one']);
  const embedded = g.op('Add', [
    g.op('Add', [
      g.op('Gather', [g.weight('embeddings.word_embeddings.weight', [-1, hidden]), 'input_ids']),
      g.op('Gather', [g.weight('embeddings.position_embeddings.weight', [-1, hidden]), positions]),
    ]),
    g.op('Gather', [g.weight('embeddings.token_type_embeddings.weight', [-1, hidden]), 'token_type_ids']),
  ]);
  let x = g.layerNorm(embedded, 'embeddings.LayerNorm', hidden, config.layer_norm_eps);

  const maskFloat = g.op('Unsqueeze', [g.op('Cast', ['attention_mask'], { to: FLOAT }), g.int64('mask_axes', [2], [1, 2])]);
  const maskBias = g.op('Mul', [g.op('Sub', [g.float('one_f', [], [1]), maskFloat]), g.float('masked_score', [], [MASKED_SCORE])]);
  const headShape = g.int64('head_shape', [4], [0, 0, heads, hidden / heads]);
  const mergedShape = g.int64('merged_shape', [3], [0, 0, hidden]);
  const scale = g.float('score_scale', [], [1 / Math.sqrt(hidden / heads)]);
  g.float('half', [], [0.5]);
  if (options.quantize)
    g.initializers.push({ name: 'weight_zero', dataType: onnx.TensorProto.DataType.UINT8, dims: [], rawData: new Uint8Array([128]) });
  g.float('sqrt2', [], [Math.SQRT2]);

  for (let layer = 0; layer < config.num_hidden_layers; layer += 1) {
    const p = `encoder.layer.${layer}`;
    const split = (name: string, perm: number[]) =>
      g.op('Transpose', [g.op('Reshape', [g.linear(x, `${p}.attention.self.${name}`, hidden, hidden), headShape])], { perm });
    const scores = g.op('Add', [
      g.op('Mul', [g.op('MatMul', [split('query', [0, 2, 1, 3]), split('key', [0, 2, 3, 1])]), scale]),
      maskBias,
    ]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), split('value', [0, 2, 1, 3])]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), mergedShape]);
    const attended = g.layerNorm(
      g.op('Add', [g.linear(merged, `${p}.attention.output.dense`, hidden, hidden), x]),
      `${p}.attention.output.LayerNorm`,
      hidden,
      config.layer_norm_eps,
    );
    const inner = g.linear(attended, `${p}.intermediate.dense`, hidden, config.intermediate_size);
    // The exact (erf) GELU of BERT: 0.5 · x · (1 + erf(x / √2)).
    const gelu = g.op('Mul', [g.op('Mul', [inner, g.op('Add', [g.op('Erf', [g.op('Div', [inner, 'sqrt2'])]), 'one_f'])]), 'half']);
    x = g.layerNorm(
      g.op('Add', [g.linear(gelu, `${p}.output.dense`, config.intermediate_size, hidden), attended]),
      `${p}.output.LayerNorm`,
      hidden,
      config.layer_norm_eps,
    );
  }
  g.op('Identity', [x], {}, 'last_hidden_state');

  const tokenInput = (name: string) => valueInfo(name, INT64, ['batch', 'sequence']);
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: producer,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'bert',
      input: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
      output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', hidden])],
      initializer: g.initializers,
      node: g.nodes,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

type Attribute = number | number[];

/** Accumulates nodes and initializers; every intermediate value gets a fresh name. */
class GraphBuilder {
  readonly nodes: object[] = [];
  readonly initializers: object[] = [];
  private count = 0;

  constructor(
    private readonly weights: Map<string, Tensor>,
    private readonly quantize: boolean,
  ) {}

  op(
    opType: string,
    input: string[],
    attributes: Record<string, Attribute> = {},
    output = `${opType.toLowerCase()}_${this.count++}`,
  ): string {
    const attribute = Object.entries(attributes).map(([name, value]) =>
      Array.isArray(value)
        ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value }
        : { name, type: onnx.AttributeProto.AttributeType.INT, i: value },
    );
    this.nodes.push({ opType, name: output, input, output: [output], attribute });
    return output;
  }

  /** x · Wᵀ + b for a Hugging Face Linear layer (weight [out, in]), stored transposed as [in, out]. */
  linear(x: string, prefix: string, inSize: number, outSize: number): string {
    const weight = this.tensor(`${prefix}.weight`, [outSize, inSize]);
    const transposed = new Float32Array(inSize * outSize);
    for (let o = 0; o < outSize; o += 1) {
      for (let i = 0; i < inSize; i += 1) transposed[i * outSize + o] = weight.data[o * inSize + i]!;
    }
    const bias = this.weight(`${prefix}.bias`, [outSize]);
    if (!this.quantize)
      return this.op('Add', [this.op('MatMul', [x, this.addFloat(`${prefix}.weight_t`, [inSize, outSize], transposed)]), bias]);
    // Dynamic quantization, as onnxruntime's quantize_dynamic writes it: activations to uint8 per call, weights to
    // uint8 ahead of time, one scale per output column (zero point 128), and the int32 product scaled back to float.
    const { values, scales } = quantizeColumns(transposed, inSize, outSize);
    this.initializers.push({
      name: `${prefix}.weight_q`,
      dataType: onnx.TensorProto.DataType.UINT8,
      dims: [inSize, outSize],
      rawData: values,
    });
    const [xq, xScale, xZero] = this.ops('DynamicQuantizeLinear', [x], 3);
    const product = this.op('Cast', [this.op('MatMulInteger', [xq!, `${prefix}.weight_q`, xZero!, 'weight_zero'])], { to: FLOAT });
    return this.op('Add', [
      this.op('Mul', [product, this.op('Mul', [xScale!, this.addFloat(`${prefix}.weight_scale`, [outSize], scales)])]),
      bias,
    ]);
  }

  /** A node with several outputs. */
  ops(opType: string, input: string[], outputs: number): string[] {
    const base = `${opType.toLowerCase()}_${this.count++}`;
    const output = Array.from({ length: outputs }, (_, i) => `${base}_${i}`);
    this.nodes.push({ opType, name: base, input, output, attribute: [] });
    return output;
  }

  layerNorm(x: string, prefix: string, size: number, epsilon: number): string {
    const output = `${this.count++}_layernorm`;
    this.nodes.push({
      opType: 'LayerNormalization',
      name: output,
      input: [x, this.weight(`${prefix}.weight`, [size]), this.weight(`${prefix}.bias`, [size])],
      output: [output],
      attribute: [
        { name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 },
        { name: 'epsilon', type: onnx.AttributeProto.AttributeType.FLOAT, f: epsilon },
      ],
    });
    return output;
  }

  /** A weight from the checkpoint as an initializer; -1 in `shape` accepts any size on that axis. */
  weight(name: string, shape: number[]): string {
    const tensor = this.tensor(name, shape);
    return this.addFloat(name, tensor.shape, tensor.data);
  }

  float(name: string, dims: number[], values: number[]): string {
    return this.addFloat(name, dims, Float32Array.from(values));
  }

  int64(name: string, dims: number[], values: number[]): string {
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({ name, dataType: INT64, dims, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  private addFloat(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push({ name, dataType: FLOAT, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    return name;
  }

  private tensor(name: string, shape: number[]): Tensor {
    const tensor = this.weights.get(name);
    if (!tensor) throw new Error(`The checkpoint has no tensor ${name}`);
    const fits = tensor.shape.length === shape.length && shape.every((dim, axis) => dim === -1 || dim === tensor.shape[axis]);
    if (!fits) throw new Error(`Tensor ${name} has shape [${tensor.shape}], expected [${shape.map((d) => (d === -1 ? 'any' : d))}]`);
    return tensor;
  }
}

/** Symmetric uint8 quantization per column of a row-major [rows, cols] matrix: q = round(w / scale) + 128. */
function quantizeColumns(matrix: Float32Array, rows: number, cols: number): { values: Uint8Array; scales: Float32Array } {
  const scales = new Float32Array(cols);
  for (let i = 0; i < matrix.length; i++) scales[i % cols] = Math.max(scales[i % cols]!, Math.abs(matrix[i]!));
  for (let c = 0; c < cols; c++) scales[c] = scales[c]! / 127 || 1;
  const values = new Uint8Array(rows * cols);
  for (let i = 0; i < matrix.length; i++) values[i] = Math.max(0, Math.min(255, Math.round(matrix[i]! / scales[i % cols]!) + 128));
  return { values, scales };
}

function valueInfo(name: string, elemType: number, dims: Array<string | number>) {
  return {
    name,
    type: {
      tensorType: { elemType, shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) } },
    },
  };
}
