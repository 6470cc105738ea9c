#!/usr/bin/python3
"""Checks src/core/kpi/ols.ts against numpy.

Generates datasets (and one from the INKAR district data in ../shared/data if present), fits them
with the TypeScript OLS (scripts/verify-regression.ts) and compares with numpy:

- coefficients, fitted values, R², adjusted R², residual sd: numpy.linalg.lstsq;
- standard errors: the textbook formula s² (X'X)⁻¹, with (X'X)⁻¹ = V Σ⁻² V' from numpy's SVD
  (inverting X'X directly would square the condition number and make the reference the weak side);
- leverage (hat-matrix diagonal): row norms of Q from numpy.linalg.qr;
- t values, p values, prediction intervals ŷ ± t(1 − α/2, n − p) · s · √(1 + h): scipy.stats.t
  where scipy is installed (p values and intervals are skipped otherwise).

Tolerance: |ts − numpy| ≤ 1e-9 · max(1, |numpy|), i.e. relative for values above 1 in magnitude,
absolute below. Prints PASS/FAIL per check and exits 1 on any failure.

Run from the project root:  /usr/bin/python3 scripts/verify-regression.py
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

try:
    from scipy import stats
except ImportError:  # scipy is optional; numpy is required
    stats = None

TOLERANCE = 1e-9
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, '..', 'shared', 'data')


def generated_datasets():
    rng = np.random.default_rng(20240229)
    sets = []

    x = np.arange(1.0, 13.0)
    sets.append(('simple n=12 p=1', 2.0 + 0.5 * x + rng.normal(0, 0.3, 12), [('x', x)]))

    n = 104
    gdp = rng.normal(70, 12, n)
    tourism = rng.lognormal(1, 0.8, n)
    density = rng.lognormal(5, 1, n)
    y = 25 - 0.12 * gdp + 0.3 * tourism + 0.002 * density + rng.normal(0, 1.5, n)
    sets.append(('mixed scales n=104 p=3', y, [('gdp', gdp), ('tourism', tourism), ('density', density)]))

    n = 400
    xs = rng.normal(0, 1, (n, 5))
    xs[:, 3] = xs[:, 0] + 0.01 * rng.normal(0, 1, n)  # nearly collinear with x0
    y = xs @ np.array([1.0, -2.0, 0.5, 3.0, 0.0]) + 4 + rng.normal(0, 1, n)
    sets.append(('near-collinear n=400 p=5', y, [(f'x{j}', xs[:, j]) for j in range(5)]))

    n = 60
    big = 1e5 + rng.normal(0, 1, n)  # badly centred: hard for the normal equations
    y = 3 + 0.7 * (big - 1e5) + rng.normal(0, 0.5, n)
    sets.append(('large offset n=60 p=1', y, [('big', big)]))

    n = 30
    x1 = rng.normal(0, 1, n)
    x2 = rng.normal(0, 1, n)
    y = 1 + x1 - x2 + rng.normal(0, 0.1, n)
    sets.append(('confidence 0.9 n=30 p=2', y, [('x1', x1), ('x2', x2)], 0.9))

    sets.append(('rank deficient (expects an error)', y, [('x1', x1), ('twice', 2 * x1)]))
    return sets


def inkar_dataset():
    """SGB II rate on GDP per employed person, tourism and log density, for the Kreise in one year."""
    files = {name: os.path.join(DATA, f'inkar_kreise_{name}.csv') for name in ('sozialleistungen', 'wirtschaft', 'siedlungsstruktur')}
    if not all(os.path.exists(path) for path in files.values()):
        return None, 'INKAR files not found in ../shared/data'
    year = '2019'
    columns = {'sozialleistungen': ['q_SGBII'], 'wirtschaft': ['q_bip_et', 'q_übern_bev'], 'siedlungsstruktur': ['q_bev_fl']}
    rows = {}
    for name, wanted in columns.items():
        with open(files[name], newline='', encoding='utf-8') as f:
            for record in csv.DictReader(f):
                if record['zeitbezug'] != year:
                    continue
                for column in wanted:
                    value = record.get(column, '')
                    rows.setdefault(record['kennziffer'], {})[column] = float(value) if value not in ('', None) else None
    needed = ['q_SGBII', 'q_bip_et', 'q_übern_bev', 'q_bev_fl']
    complete = [r for r in rows.values() if all(r.get(c) is not None for c in needed)]
    if len(complete) < 20:
        return None, f'too few complete INKAR rows for {year} ({len(complete)})'
    y = np.array([r['q_SGBII'] for r in complete])
    predictors = [
        ('q_bip_et', np.array([r['q_bip_et'] for r in complete])),
        ('q_übern_bev', np.array([r['q_übern_bev'] for r in complete])),
        ('log_q_bev_fl', np.log(np.array([r['q_bev_fl'] for r in complete]))),
    ]
    return (f'INKAR {year}: q_SGBII ~ q_bip_et + q_übern_bev + log(q_bev_fl), n={len(complete)}', y, predictors), None


def reference(y, predictors, confidence):
    X = np.column_stack([np.ones(len(y))] + [values for _, values in predictors])
    n, p = X.shape
    rank = np.linalg.matrix_rank(X)
    if rank < p:
        return {'rankDeficient': True}
    beta, _, _, _ = np.linalg.lstsq(X, y, rcond=None)
    fitted = X @ beta
    residuals = y - fitted
    df = n - p
    sse = float(residuals @ residuals)
    sst = float(((y - y.mean()) ** 2).sum())
    s2 = sse / df
    _, sigma, vt = np.linalg.svd(X, full_matrices=False)
    xtx_inverse = (vt.T / sigma**2) @ vt
    se = np.sqrt(s2 * np.diag(xtx_inverse))
    # Hat-matrix diagonal as row norms of numpy's Q: x_i' (X'X)⁻¹ x_i evaluated directly loses up to
    # 1e-7 to cancellation on the badly centred dataset, which would make the reference the weak side.
    q, _ = np.linalg.qr(X)
    leverage = (q**2).sum(axis=1)
    r2 = 1 - sse / sst
    out = {
        'coefficients': beta,
        'fitted': fitted,
        'rSquared': r2,
        'adjustedRSquared': 1 - (1 - r2) * (n - 1) / df,
        'residualStandardError': np.sqrt(s2),
        'standardErrors': se,
        'tValues': beta / se,
        'leverage': leverage,
    }
    if stats is not None:
        q = stats.t.ppf((1 + confidence) / 2, df)
        # scipy's t.ppf is off around the 11th digit (t.sf is accurate): one Newton step on t.sf fixes it.
        q += (stats.t.sf(q, df) - (1 - confidence) / 2) / stats.t.pdf(q, df)
        half = q * np.sqrt(s2) * np.sqrt(1 + leverage)
        out['pValues'] = 2 * stats.t.sf(np.abs(beta / se), df)
        out['tQuantile'] = q
        out['lower'] = fitted - half
        out['upper'] = fitted + half
    return out


def worst_error(ts_values, np_values):
    a = np.atleast_1d(np.asarray(ts_values, dtype=float))
    b = np.atleast_1d(np.asarray(np_values, dtype=float))
    if a.shape != b.shape:
        return float('inf')
    return float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))


def main():
    datasets = generated_datasets()
    inkar, reason = inkar_dataset()
    if inkar is None:
        print(f'SKIP INKAR dataset: {reason}')
    else:
        datasets.append(inkar)

    payload = []
    for d in datasets:
        name, y, predictors = d[0], d[1], d[2]
        confidence = d[3] if len(d) > 3 else 0.95
        payload.append({
            'name': name,
            'y': [float(v) for v in y],
            'predictors': [{'name': pn, 'values': [float(v) for v in pv]} for pn, pv in predictors],
            'confidence': confidence,
        })

    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'datasets.json')
        target = os.path.join(tmp, 'results.json')
        with open(source, 'w', encoding='utf-8') as f:
            json.dump({'datasets': payload}, f)
        subprocess.run(['node', 'bin/run-ts.mjs', 'scripts/verify-regression.ts', source, target], cwd=ROOT, check=True)
        with open(target, encoding='utf-8') as f:
            results = {r['name']: r for r in json.load(f)['results']}

    failures = 0
    for d, spec in zip(datasets, payload):
        name = spec['name']
        expected = reference(d[1], d[2], spec['confidence'])
        got = results[name]
        if expected.get('rankDeficient'):
            ok = 'error' in got and got['error']['code'] == 'invalid_input'
            print(f"{'PASS' if ok else 'FAIL'} {name}: {got.get('error', {}).get('message', 'no error raised')}")
            failures += 0 if ok else 1
            continue
        if 'error' in got:
            print(f"FAIL {name}: {got['error']['message']}")
            failures += 1
            continue
        for key in ('coefficients', 'standardErrors', 'tValues', 'pValues', 'fitted', 'leverage', 'lower', 'upper',
                    'rSquared', 'adjustedRSquared', 'residualStandardError', 'tQuantile'):
            if key not in expected:
                print(f'SKIP {name}: {key} (scipy not installed)')
                continue
            error = worst_error(got[key], expected[key])
            ok = error <= TOLERANCE
            failures += 0 if ok else 1
            print(f"{'PASS' if ok else 'FAIL'} {name}: {key} worst scaled difference {error:.2e}")
    print(f"\n{'PASS' if failures == 0 else 'FAIL'}: {failures} failing checks (tolerance |ts − numpy| ≤ {TOLERANCE:g} · max(1, |numpy|))")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
