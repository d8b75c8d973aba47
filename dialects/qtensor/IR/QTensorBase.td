//===- QTensorBase.td - The qtensor dialect ----------------*- tablegen -*-===//
//
// Quantized tensors. The element types are upstream's `quant` types; this
// dialect adds the ops that move values between real numbers and those
// types, with ONNX's rounding and saturation spelled out.
//
//===----------------------------------------------------------------------===//

#ifndef EDGEC_QTENSOR_BASE
#define EDGEC_QTENSOR_BASE

include "mlir/IR/OpBase.td"

def QTensor_Dialect : Dialect {
  let name = "qtensor";
  let cppNamespace = "::edgec::qtensor";
  let summary = "Quantized tensors: quantize, dequantize, requantize";
  let description = [{
    A quantized tensor holds integers `q` standing for the real numbers
    `(q - zero_point) * scale`. Its element type is upstream's
    `!quant.uniform`: per tensor (`!quant.uniform<i8:f32, 0.05:-3>`) or per
    axis (`!quant.uniform<i8:f32:0, {0.1:0, 0.2:0}>`, one scale and zero
    point per index of dimension 0). Storage is int8 or uint8; the types
    leave room for narrower storage (int4), which the conversion does not
    lower yet and the verifiers refuse.

    The ONNX importer keeps ONNX's own view, where a quantized value is a
    plain int8 or uint8 tensor: QuantizeLinear becomes `qtensor.quantize`
    followed by a `qtensor.storage_cast` to the storage type, and
    DequantizeLinear a `storage_cast` to the quantized type followed by
    `qtensor.dequantize`. Canonicalization cancels the casts between the
    two, so passes see quantize/dequantize pairs with their parameters in
    the types. `convert-qtensor-to-graph` expands the ops into graph
    arithmetic on the storage types.
  }];
  let dependentDialects = ["::mlir::quant::QuantizationDialect"];
}

class QTensor_Op<string mnemonic, list<Trait> traits = []>
    : Op<QTensor_Dialect, mnemonic, traits>;

def QTensor_QuantizedElement : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType, "
          "::mlir::quant::UniformQuantizedPerAxisType>($_self)">,
    "uniform quantized type (per tensor or per axis)">;

def QTensor_QuantizedTensor : StaticShapeTensorOf<[QTensor_QuantizedElement]>;
def QTensor_RealTensor : StaticShapeTensorOf<[F32]>;
def QTensor_StorageTensor : StaticShapeTensorOf<[I8, UI8]>;

#endif // EDGEC_QTENSOR_BASE
