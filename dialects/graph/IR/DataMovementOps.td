//===- DataMovementOps.td - Data movement ------------------*- tablegen -*-===//

#ifndef EDGEC_GRAPH_DATAMOVEMENT_OPS
#define EDGEC_GRAPH_DATAMOVEMENT_OPS

include "dialects/graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// A string attribute that names one of `values` (the modes of ONNX ops).
class Graph_StrOneOf<list<string> values> : ConfinedAttr<StrAttr, [
    AttrConstraint<CPred<"::llvm::is_contained(::llvm::ArrayRef<"
        # "::llvm::StringRef>{\"" # !interleave(values, "\", \"") # "\"}, "
        # "::llvm::cast<::mlir::StringAttr>($_self).getValue())">,
      "one of " # !interleave(values, ", ")>]>;

def Graph_ReshapeOp : Graph_Op<"reshape",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Reinterprets a tensor with another static shape";
  let description = [{
    The elements keep their row-major order. `shape` is the result shape,
    fully resolved (no `0` or `-1` placeholders); ONNX `Reshape`,
    `Flatten`, `Squeeze` and `Unsqueeze` import to this op.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$shape);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_TransposeOp : Graph_Op<"transpose",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Permutes the dimensions of a tensor";
  let description = [{
    `output.shape[i] = input.shape[perm[i]]`.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_ConcatOp : Graph_Op<"concat",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Joins tensors along one axis";
  let description = [{
    All inputs agree on every dimension but `axis`, which is non-negative.
  }];
  let arguments = (ins Variadic<Graph_Tensor>:$inputs,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_SliceOp : Graph_Op<"slice",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Takes a strided box of a tensor";
  let description = [{
    `output[i...] = input[offsets[d] + i[d] * strides[d]...]`: the result
    has shape `sizes`. A stride may be negative (the box is read backwards
    from `offsets`), never zero. ONNX `Slice` and `Split` import to this op
    with their starts, ends and steps clamped and resolved.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$offsets,
                   DenseI64ArrayAttr:$sizes, DenseI64ArrayAttr:$strides);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_GatherOp : Graph_Op<"gather",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Picks entries along one axis by index";
  let description = [{
    With `data` of rank r and `indices` of rank q, the result has rank
    q + r - 1: `output[a..., i..., b...] = data[a..., indices[i...], b...]`
    where `a` spans the dimensions before `axis`. A negative index counts
    from the end of the axis (out-of-range indices are clamped).
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$data `,` $indices attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_GatherElementsOp : Graph_Op<"gather_elements",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Picks one entry per index along an axis";
  let description = [{
    `indices` has the rank of `data` and the shape of the result:
    `output[i...] = data[i..., indices[i...] at axis, i...]`. A negative
    index counts from the end (out-of-range indices are clamped).
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$data `,` $indices attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_GatherNDOp : Graph_Op<"gather_nd",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Picks slices by multi-dimensional index tuples";
  let description = [{
    The last dimension of `indices` holds tuples of k indices into the
    dimensions of `data` that follow its first `batch_dims` ones (which
    `indices` shares). The result has shape
    `indices.shape[:-1] + data.shape[batch_dims + k:]`.
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$batch_dims);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$data `,` $indices attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_ExpandOp : Graph_Op<"expand",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Broadcasts a tensor to a larger shape";
  let description = [{
    `shape` is the result shape; the input broadcasts to it the way numpy
    does (aligned on trailing dimensions, size-1 dimensions stretch). ONNX
    `Expand`'s bidirectional broadcast is resolved by the importer.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$shape);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_TileOp : Graph_Op<"tile",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Repeats a tensor along each dimension";
  let description = [{
    Dimension d of the result is `repeats[d]` copies of the input's, one
    after the other: `output[i...] = input[i[d] mod input.shape[d]...]`.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$repeats);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_PadOp : Graph_Op<"pad",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Pads (or crops) every dimension";
  let description = [{
    `pads` lists the leading pads of every dimension, then the trailing
    ones; a negative pad removes elements. `mode` says what fills the new
    elements: `value` (`constant`), the input mirrored without repeating
    its edge (`reflect`), or the nearest edge element (`edge`). `value` has
    the element type of the input.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$pads,
                   Graph_StrOneOf<["constant", "reflect", "edge"]>:$mode,
                   TypedAttrInterface:$value);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_ResizeOp : Graph_Op<"resize",
    [Pure, SameOperandsAndResultElementType, InferTypeOpAdaptor]> {
  let summary = "Resamples a tensor to a new shape by interpolation";
  let description = [{
    ONNX `Resize` (and `Upsample`), with every input resolved: `sizes` is
    the result shape and `scales` the factor of each dimension (the ratio
    of the sizes when ONNX gives sizes). Each result coordinate maps back
    to the input by `coordinate_mode`; `nearest` rounds it by
    `nearest_mode`, `linear` interpolates between the two neighbours of
    each resized dimension and `cubic` between four (Keys' kernel with
    `cubic_coeff_a`; `exclude_outside` drops taps outside the input and
    renormalizes). With `tf_crop_and_resize`, `roi` lists the start then
    the end of the region of each dimension, in normalized coordinates,
    and samples outside the input are `extrapolation_value`. Linear and
    cubic need float32.
  }];
  let arguments = (ins Graph_Tensor:$input, DenseI64ArrayAttr:$sizes,
      DenseF64ArrayAttr:$scales,
      Graph_StrOneOf<["nearest", "linear", "cubic"]>:$mode,
      Graph_StrOneOf<["half_pixel", "pytorch_half_pixel", "align_corners",
                    "asymmetric", "tf_half_pixel_for_nn",
                    "tf_crop_and_resize"]>:$coordinate_mode,
      DefaultValuedAttr<Graph_StrOneOf<["round_prefer_floor",
                                      "round_prefer_ceil", "floor", "ceil"]>,
                        "\"round_prefer_floor\"">:$nearest_mode,
      DefaultValuedAttr<F64Attr, "-0.75">:$cubic_coeff_a,
      DefaultValuedAttr<BoolAttr, "false">:$exclude_outside,
      DefaultValuedAttr<F64Attr, "0.0">:$extrapolation_value,
      DefaultValuedAttr<DenseF64ArrayAttr, "{}">:$roi);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def Graph_TriluOp : Graph_Op<"trilu",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Keeps the upper or lower triangle of the last two dimensions";
  let description = [{
    Element (i, j) of each matrix is kept when `j - i >= k` (`upper`) or
    `j - i <= k` (lower), else it becomes zero. `k` is a scalar, which may
    be computed at run time (it does not change the shape).
  }];
  let arguments = (ins Graph_Tensor:$input, 0DTensorOf<[I64]>:$k,
                   BoolAttr:$upper);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$input `,` $k attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Graph_OneHotOp : Graph_Op<"one_hot",
    [Pure, InferTypeOpAdaptor]> {
  let summary = "Expands indices into one-hot vectors";
  let description = [{
    Inserts a dimension of `depth` entries at `axis`: an entry is
    `values[1]` where its position equals the index (a negative index counts
    from `depth`), else `values[0]`. Indices outside `[-depth, depth)` give
    all-`values[0]` vectors.
  }];
  let arguments = (ins StaticShapeTensorOf<[F32, I32, I64]>:$indices,
                   Graph_Tensor:$values,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   ConfinedAttr<I64Attr, [IntPositive]>:$depth);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat =
      "$indices `,` $values attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

class Graph_ScatterOp<string mnemonic> : Graph_Op<mnemonic,
    [Pure, InferTypeOpAdaptor]> {
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "$data `,` $indices `,` $updates attr-dict `:` "
                       "functional-type(operands, results)";
  let hasFolder = 1;
  code reductionDescription = [{
    With `reduction = "none"` an update replaces the element (when two
    updates hit one element, the later one wins); `add` and `mul` combine
    it with the element instead. A negative index counts from the end
    (out-of-range indices are clamped).
  }];
}

def Graph_ScatterElementsOp : Graph_ScatterOp<"scatter_elements"> {
  let summary = "Writes updates into a copy of data, one index each";
  let description = [{
    `indices` and `updates` have one shape, of the rank of `data`: update
    `u` goes to `data[u with u[axis] = indices[u]]`.
  }] # reductionDescription;
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   Graph_Tensor:$updates,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                   DefaultValuedAttr<Graph_StrOneOf<["none", "add", "mul"]>,
                                     "\"none\"">:$reduction);
}

def Graph_ScatterNDOp : Graph_ScatterOp<"scatter_nd"> {
  let summary = "Writes slices into a copy of data by index tuples";
  let description = [{
    The last dimension of `indices` holds tuples of k indices into the
    first k dimensions of `data`; `updates` has shape
    `indices.shape[:-1] + data.shape[k:]` and each of its slices is written
    at its tuple.
  }] # reductionDescription;
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   Graph_Tensor:$updates,
                   DefaultValuedAttr<Graph_StrOneOf<["none", "add", "mul"]>,
                                     "\"none\"">:$reduction);
}

#endif // EDGEC_GRAPH_DATAMOVEMENT_OPS
