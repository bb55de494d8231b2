#include "textflag.h"

// Offsets of the broadcast constants in the table (32 bytes each).
#define LO 0
#define HI 32
#define LOG2E 64
#define LN2HI 96
#define LN2LO 128
#define C7 160
#define C6 192
#define C5 224
#define C4 256
#define C3 288
#define C2 320
#define C1 352
#define C0 384
#define BIAS 416

// func expAVX2(dst, src *float32, n int, a, c float32, table *[14][8]float32)
TEXT ·expAVX2(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSS a+24(FP), Y0
	VBROADCASTSS c+28(FP), Y1
	MOVQ table+32(FP), R8
	VMOVUPS LO(R8), Y2
	VMOVUPS HI(R8), Y3

loop:
	VMOVUPS (SI), Y4
	VSUBPS Y1, Y4, Y4             // x − c
	VMULPS Y0, Y4, Y4             // y = a·(x − c)
	VMAXPS Y4, Y2, Y4             // clamp to [LO, HI]; NaN is the second
	VMINPS Y4, Y3, Y4             // source, so it passes through
	VMULPS LOG2E(R8), Y4, Y5
	VROUNDPS $0, Y5, Y5           // k = round(y/ln 2), to nearest
	VMOVAPS Y4, Y6
	VFNMADD231PS LN2HI(R8), Y5, Y6 // r = y − k·ln2Hi
	VFNMADD231PS LN2LO(R8), Y5, Y6 // r −= k·ln2Lo
	VMOVUPS C7(R8), Y7            // Horner: p = ((c7·r + c6)·r + …)·r + c0
	VFMADD213PS C6(R8), Y6, Y7
	VFMADD213PS C5(R8), Y6, Y7
	VFMADD213PS C4(R8), Y6, Y7
	VFMADD213PS C3(R8), Y6, Y7
	VFMADD213PS C2(R8), Y6, Y7
	VFMADD213PS C1(R8), Y6, Y7
	VFMADD213PS C0(R8), Y6, Y7
	VCVTPS2DQ Y5, Y8              // k as int32
	VPSRAD $1, Y8, Y9             // h = k >> 1
	VPSUBD Y9, Y8, Y8             // k − h
	VPADDD BIAS(R8), Y9, Y9
	VPADDD BIAS(R8), Y8, Y8
	VPSLLD $23, Y9, Y9            // 2^h
	VPSLLD $23, Y8, Y8            // 2^(k−h)
	VMULPS Y9, Y7, Y7
	VMULPS Y8, Y7, Y7
	VMOVUPS Y7, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JNZ loop
	VZEROUPPER
	RET
