//===- ConvOps.td - Operations of the conv dialect ---------*- tablegen -*-===//

#ifndef EDGEC_CONV_OPS
#define EDGEC_CONV_OPS

include "dialects/conv/IR/ConvBase.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// What every convolution algorithm shares: operands, the window attributes
// and the epilogue.
defvar ConvAlgorithmArguments = (ins
    AnyShaped:$input, AnyShaped:$filter, Optional<AnyShaped>:$bias,
    Optional<AnyShaped>:$residual, AnyShaped:$init,
    DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
    DenseI64ArrayAttr:$pads,
    DefaultValuedStrAttr<StrAttr, "none">:$activation,
    OptionalAttr<F32Attr>:$clip_min, OptionalAttr<F32Attr>:$clip_max);

class Conv_AlgorithmOp<string mnemonic, list<Trait> traits = []>
    : Op<Conv_Dialect, mnemonic, !listconcat(traits, [
        AttrSizedOperandSegments, DestinationStyleOpInterface,
        DeclareOpInterfaceMethods<MemoryEffectsOpInterface>])> {
  let arguments = ConvAlgorithmArguments;
  let results = (outs Variadic<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    `ins` `(` $input `,` $filter `:` type($input) `,` type($filter) `)`
    (`bias` `(` $bias^ `:` type($bias) `)`)?
    (`residual` `(` $residual^ `:` type($residual) `)`)?
    `outs` `(` $init `:` type($init) `)` attr-dict (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getInitMutable();
    }
    /// True on memrefs (after bufferization), false on tensors.
    bool hasBufferSemantics() {
      return ::llvm::isa<::mlir::MemRefType>(getInit().getType());
    }
    /// The verifier shared by every algorithm, given the filter's kernel
    /// extent and channel counts.
    ::mlir::LogicalResult verifyCommon(int64_t kernelH, int64_t kernelW,
                                       int64_t filterChannels,
                                       int64_t outputChannels);
  }];
}

def Conv_DirectOp : Conv_AlgorithmOp<"direct"> {
  let summary = "Direct convolution, register-blocked over pixels and filters";
  let description = [{
    `input` is `[N, H, W, C]`, `filter` is `[KH, KW, C / group, F]` (HWIO),
    `init` and the result are `[N, OH, OW, F]`. Groups split the channels
    and the filters evenly. Strides and dilations are arbitrary; `pads` are
    `[top, left, bottom, right]`.

    With `packed`, the filter is laid out for the kernel's tiles of T
    filters: `[group, ceil(F / group / T), KH, KW, C / group, T]`, zero
    filled past F. One tile's weights are then one contiguous stream.
  }];
  let arguments = !con(ConvAlgorithmArguments,
                       (ins ConfinedAttr<I64Attr, [IntPositive]>:$group,
                            UnitAttr:$packed));
}

def Conv_DepthwiseOp : Conv_AlgorithmOp<"depthwise"> {
  let summary = "Depthwise convolution: one filter per channel";
  let description = [{
    `input` is `[N, H, W, C]`, `filter` is `[KH, KW, C]`, the result is
    `[N, OH, OW, C]`. Vectorized along channels, it is bound by memory
    bandwidth, not arithmetic.
  }];
}

def Conv_PointwiseOp : Conv_AlgorithmOp<"pointwise"> {
  let summary = "1x1 convolution computed as one matrix product";
  let description = [{
    `input` is `[N, H, W, C]`, `filter` is `[C, F]`; every pixel is a row of
    an `[N*H*W, C] x [C, F]` product. Strides, dilations and pads must be the
    identity (a strided 1x1 convolution is `conv.direct`).
  }];
}

def Conv_Im2colOp : Conv_AlgorithmOp<"im2col"> {
  let summary = "Convolution as im2col (patch gathering) plus a matrix product";
  let description = [{
    `input` is `[N, H, W, C]`, `filter` is `[KH, KW, C, F]`. The lowering
    gathers every window into a row of `KH*KW*C` values and multiplies the
    `[OH*OW, KH*KW*C]` patches by the filter seen as `[KH*KW*C, F]`: more
    memory than `conv.direct`, one long contiguous reduction.
  }];
}

def Conv_WinogradOp : Conv_AlgorithmOp<"winograd"> {
  let summary = "3x3 stride-1 convolution by Winograd's minimal filtering";
  let description = [{
    F(m x m, 3 x 3) with `tile` m = 2 or 4: each m x m output tile comes
    from an (m+2) x (m+2) input tile through transforms B, G and A:

        Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A

    The filter transform happens at compile time; the element-wise products
    become (m+2)² matrix products over channels. `input` is `[N, H, W, C]`,
    `filter` is `[3, 3, C, F]`. Fewer multiplications (2.25x fewer for
    F(2,3), 4x for F(4,3)) at the price of rounding error that grows with m;
    docs/kernels.md states the bound the tests enforce.
  }];
  let arguments = !con(ConvAlgorithmArguments,
                       (ins ConfinedAttr<I64Attr, [IntPositive]>:$tile));
}

def Conv_IntegerOp : Op<Conv_Dialect, "integer", [
    AttrSizedOperandSegments, DestinationStyleOpInterface,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "int8 convolution: int32 accumulators, integer requantization";
  let description = [{
    `qtensor.conv` (and the `qtensor.rescale` after it) on channels-last
    int8 tensors: `input` is `[N, H, W, C]`, `init` `[N, OH, OW, F]`.

        acc[n, y, x, f] = bias[f] + sum over kh, kw, c of
            (in[n, y*sh + kh*dh, x*sw + kw*dw, c] - input_zero_point)
            * filter[kh, kw, c, f]

    With `multiplier` and `shift` (int32 `[F]`), `init` is int8 and gets
    `clamp(output_zero_point + ((acc * m + 2^(s-1)) >> s), output_min,
    output_max)`, qtensor.rescale's rule; without them, `init` is int32 and
    gets `acc`. The filter is `[KH, KW, C, F]`, or `[KH, KW, C]` when
    `depthwise` (one filter per channel, F = C).

    `packed` names the int8 dot product the filter was laid out for, once
    padding is explicit and the zero point has moved into the bias
    (`conv-lower-algorithms`): `vnni` (x86 VPDPBUSD: unsigned x signed, so
    the bias also absorbs 128 x the filter's sum), `sdot` (Arm SDOT) or
    `generic` (widening multiplies). A packed dense filter is
    `[ceil(F / L), KH, KW, ceil(C / 4), L, 4]` for vectors of L int32
    lanes, zero-filled: one vector of weights is 4 channels of L filters.
    A packed depthwise filter, the bias and the requantization vectors are
    zero-padded to a multiple of L.
  }];
  let arguments = (ins AnyShaped:$input, AnyShaped:$filter,
                   Optional<AnyShaped>:$bias, Optional<AnyShaped>:$multiplier,
                   Optional<AnyShaped>:$shift, AnyShaped:$init,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                   DenseI64ArrayAttr:$pads, UnitAttr:$depthwise,
                   DefaultValuedAttr<I64Attr, "0">:$input_zero_point,
                   DefaultValuedAttr<I64Attr, "0">:$output_zero_point,
                   DefaultValuedAttr<I64Attr, "-128">:$output_min,
                   DefaultValuedAttr<I64Attr, "127">:$output_max,
                   OptionalAttr<StrAttr>:$packed);
  let results = (outs Variadic<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    `ins` `(` $input `,` $filter `:` type($input) `,` type($filter) `)`
    (`bias` `(` $bias^ `:` type($bias) `)`)?
    (`requantize` `(` $multiplier^ `,` $shift `:` type($multiplier) `,`
       type($shift) `)`)?
    `outs` `(` $init `:` type($init) `)` attr-dict (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getInitMutable();
    }
    bool hasBufferSemantics() {
      return ::llvm::isa<::mlir::MemRefType>(getInit().getType());
    }
  }];
}

#endif // EDGEC_CONV_OPS
