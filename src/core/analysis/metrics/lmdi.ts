/**
 * LMDI-I (log-mean Divisia) attribution of the change of a product V = x1 · x2 · … · xn between two
 * periods: the factor effects add up to V1 − V0 exactly, with no residual.
 *
 *   effect_k = L(V1, V0) · ln(x_k1 / x_k0),   L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a
 *
 * Zeros (a factor that is 0 in one period) are handled by their analytic limit (Ang & Liu 2007:
 * replace 0 by ε and let ε → 0): the whole change goes to the factors that were zero, in equal parts;
 * the others get none. Negative factors are outside LMDI and are rejected.
 */
export interface FactorEffect {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** This factor's part of the change of the product. */
  readonly effect: number;
}

export interface Attribution {
  readonly from: number;
  readonly to: number;
  readonly change: number;
  readonly effects: readonly FactorEffect[];
}

export interface Factor {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

export function logMean(a: number, b: number): number {
  if (a === b) return a;
  if (a <= 0 || b <= 0) return 0;
  // (a − b) / ln(a/b) written as b·r / log1p(r), r = (a − b)/b: stays accurate when a and b are nearly equal.
  const r = (a - b) / b;
  return r === 0 ? a : (b * r) / Math.log1p(r);
}

export function attributeChange(factors: readonly Factor[]): Attribution {
  if (factors.some((f) => f.from < 0 || f.to < 0 || !Number.isFinite(f.from) || !Number.isFinite(f.to))) {
    throw new RangeError("LMDI needs finite, non-negative factors");
  }
  const v0 = factors.reduce((p, f) => p * f.from, 1);
  const v1 = factors.reduce((p, f) => p * f.to, 1);
  const change = v1 - v0;
  let effects: FactorEffect[];
  if (v0 > 0 && v1 > 0) {
    const weight = logMean(v1, v0);
    effects = factors.map((f) => ({ ...f, effect: weight * Math.log(f.to / f.from) }));
    // Floating point: put the last ulp-level residue on the largest effect so the sum is exact to the cent.
    const residue = change - effects.reduce((s, e) => s + e.effect, 0);
    if (residue !== 0 && effects.length > 0) {
      const largest = effects.reduce((best, e, i) => (Math.abs(e.effect) > Math.abs(effects[best].effect) ? i : best), 0);
      effects[largest] = { ...effects[largest], effect: effects[largest].effect + residue };
    }
  } else if (v0 === v1) {
    effects = factors.map((f) => ({ ...f, effect: 0 }));
  } else {
    const zeroSide = v0 === 0 ? "from" : "to";
    const zeros = factors.filter((f) => f[zeroSide] === 0);
    effects = factors.map((f) => ({ ...f, effect: f[zeroSide] === 0 ? change / zeros.length : 0 }));
  }
  return { from: v0, to: v1, change, effects };
}
