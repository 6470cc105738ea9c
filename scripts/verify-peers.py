#!/usr/bin/env python3
"""Verifies the TypeScript peers core (src/core/peers) against scikit-learn and scipy.

Run from the project root:  /usr/bin/python3 scripts/verify-peers.py
For each dataset it calls  node bin/run-ts.mjs scripts/verify-peers.ts <in.csv> <method> <k>
and compares:
  - Ward labels with AgglomerativeClustering(linkage='ward'): adjusted Rand index must be 1.0,
    linkage heights with scipy.cluster.hierarchy.ward (relative difference < 1e-9);
  - k-means inertia (best of 10 k-means++ starts) with KMeans(n_init=10): at most +0.5 %;
  - Ward refined by k-means with KMeans(init=Ward centroids, n_init=1): at most +0.5 %;
  - silhouette, R² and adjusted Rand index with sklearn.metrics (difference < 1e-9);
  - nearest neighbours with NearestNeighbors (same neighbour lists);
  - standardisation (z-scores, population sd, log of the last column) with StandardScaler;
  - bounded rings: size bounds hold (within SS reported next to unconstrained k-means);
  - end to end through the CLI: `benchlearn peers form --input <csv> --json` (Ward, Ward + k-means
    and rings; raw and z-scored) on one dataset, labels and R² compared with scikit-learn.
Real data: 2019 values of q_SGBII, q_bip_et, q_übern_bev and log q_bev_fl for the 400 Kreise from
../shared/data (skipped with a message if that folder is absent). Exits 1 if any check fails.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.cluster.hierarchy import ward as scipy_ward
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, '..', 'shared', 'data')
TMP = tempfile.mkdtemp(prefix='verify-peers-')
results = []  # (dataset, check, value, target, ok)


def run_ts(X, method, k):
    path = os.path.join(TMP, 'in.csv')
    np.savetxt(path, X, delimiter=',', fmt='%.17g')
    out = subprocess.run(
        ['node', 'bin/run-ts.mjs', 'scripts/verify-peers.ts', path, method, str(k)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f'{method} failed: {out.stderr[-2000:]}')
    return json.loads(out.stdout)


def check(dataset, name, value, target, ok):
    results.append((dataset, name, value, target, bool(ok)))


def verify(dataset, X, k):
    n, d = X.shape
    label = f'{dataset} (n={n}, d={d}, k={k})'
    # Ward
    t = time.perf_counter()
    sk_ward = AgglomerativeClustering(n_clusters=k, linkage='ward').fit(X).labels_
    sk_ward_s = time.perf_counter() - t
    ts = run_ts(X, 'ward', k)
    ari = adjusted_rand_score(sk_ward, ts['labels'])
    check(label, 'Ward labels: ARI vs sklearn', f'{ari:.6f}', '= 1', ari == 1.0)
    heights = np.array(ts['heights'])
    ref = scipy_ward(X)[:, 2]
    rel = float(np.max(np.abs(heights - ref) / np.maximum(ref, 1e-300)))
    check(label, 'Ward heights: max rel. diff vs scipy', f'{rel:.1e}', '< 1e-9', rel < 1e-9)
    check(label, 'Ward time TS vs sklearn', f"{ts['ms'] / 1000:.3f} s vs {sk_ward_s:.3f} s", 'info', True)
    # k-means, best of 10
    sk_km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    ts = run_ts(X, 'kmeans', k)
    ratio = ts['inertia'] / sk_km.inertia_
    check(label, 'k-means inertia / sklearn best of 10', f'{ratio:.5f}', '<= 1.005', ratio <= 1.005)
    # Ward + k-means refinement
    centroids = np.array([X[sk_ward == g].mean(axis=0) for g in range(k)])
    sk_ref = KMeans(n_clusters=k, init=centroids, n_init=1).fit(X)
    ts = run_ts(X, 'ward-kmeans', k)
    ratio = ts['inertia'] / sk_ref.inertia_
    check(label, 'Ward+k-means inertia / sklearn (Ward init)', f'{ratio:.5f}', '<= 1.005', ratio <= 1.005)
    # quality measures
    a = sk_km.labels_
    b = sk_ward
    ts = run_ts(np.column_stack([X, a, b]), 'quality', k)
    sil = silhouette_score(X, a)
    within = sum(((X[a == g] - X[a == g].mean(axis=0)) ** 2).sum() for g in range(k))
    r2 = 1 - within / ((X - X.mean(axis=0)) ** 2).sum()
    diff = max(abs(ts['silhouette'] - sil), abs(ts['rSquared'] - r2), abs(ts['ari'] - adjusted_rand_score(a, b)))
    check(label, 'silhouette, R², ARI: max diff vs sklearn', f'{diff:.1e}', '< 1e-9', diff < 1e-9)
    # nearest neighbours
    kn = 5
    ts = run_ts(X, 'neighbours', kn)
    _, idx = NearestNeighbors(n_neighbors=kn + 1).fit(X).kneighbors(X)
    same = sum(list(row[1:]) == ts_row for row, ts_row in zip(idx, ts['neighbours']))
    check(label, f'{kn} nearest neighbours equal to sklearn', f'{same}/{n}', f'= {n}', same == n)


def verify_rings(dataset, X, k):
    n, d = X.shape
    label = f'{dataset} (n={n}, d={d}, k={k})'
    ts = run_ts(X, 'rings', k)
    sizes = np.bincount(ts['labels'], minlength=k)
    ok = sizes.min() >= ts['minSize'] and sizes.max() <= ts['maxSize']
    check(label, f"rings sizes within {ts['minSize']}–{ts['maxSize']}", f'{sizes.min()}–{sizes.max()}', 'bounds', ok)
    free = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_
    check(label, 'rings within SS / unconstrained k-means', f"{ts['withinSS'] / free:.4f}", 'info', True)
    check(label, 'rings time (TS, first call, cold JIT)', f"{ts['ms']:.0f} ms", 'info', True)


def run_cli(X, method, k, extra=()):
    path = os.path.join(TMP, 'cli.csv')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('id,' + ','.join(f'x{j}' for j in range(X.shape[1])) + '\n')
        for i, row in enumerate(X):
            fh.write(f'o{i},' + ','.join(f'{v:.17g}' for v in row) + '\n')
    out = subprocess.run(
        ['node', 'bin/benchlearn.mjs', 'peers', 'form', '--method', method, '--k', str(k),
         '--input', path, '--json', '--bootstrap', '0', *extra],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f'CLI peers form {method} failed: {out.stderr[-2000:]}')
    result = json.loads(out.stdout)
    ids = [a['id'] for a in result['assignments']]
    assert ids == [f'o{i}' for i in range(len(X))], 'CLI assignments out of order'
    return np.array([a['group'] for a in result['assignments']]), result


def verify_cli(dataset, X, k):
    n, d = X.shape
    label = f'CLI --input, {dataset} (n={n}, d={d}, k={k})'
    labels, out = run_cli(X, 'ward', k, ['--scale', 'none'])
    ari = adjusted_rand_score(AgglomerativeClustering(n_clusters=k, linkage='ward').fit(X).labels_, labels)
    check(label, 'Ward (raw): ARI vs sklearn', f'{ari:.6f}', '= 1', ari == 1.0)
    within = sum(((X[labels == g] - X[labels == g].mean(axis=0)) ** 2).sum() for g in set(labels))
    r2 = 1 - within / ((X - X.mean(axis=0)) ** 2).sum()
    diff = abs(out['quality']['rSquared'] - r2)
    check(label, 'Ward R² reported vs numpy', f'{diff:.1e}', '< 1e-9', diff < 1e-9)
    Z = StandardScaler().fit_transform(X)
    labels, _ = run_cli(X, 'ward', k)
    ari = adjusted_rand_score(AgglomerativeClustering(n_clusters=k, linkage='ward').fit(Z).labels_, labels)
    check(label, 'Ward (z-scores): ARI vs StandardScaler + sklearn', f'{ari:.6f}', '= 1', ari == 1.0)
    sk_ward = AgglomerativeClustering(n_clusters=k, linkage='ward').fit(Z).labels_
    centroids = np.array([Z[sk_ward == g].mean(axis=0) for g in range(k)])
    sk_ref = KMeans(n_clusters=k, init=centroids, n_init=1).fit(Z)
    labels, _ = run_cli(X, 'kmeans', k)
    ari = adjusted_rand_score(sk_ref.labels_, labels)
    check(label, 'Ward + k-means (z-scores): ARI vs sklearn', f'{ari:.6f}', '>= 0.99', ari >= 0.99)
    labels, out = run_cli(X, 'rings', k, ['--min', str(n // k - 1), '--max', str(-(-n // k) + 1)])
    sizes = np.bincount(labels)[1:]
    ok = sizes.min() >= n // k - 1 and sizes.max() <= -(-n // k) + 1
    check(label, 'rings: size bounds hold', f'{sizes.min()}–{sizes.max()}', 'bounds', ok)
    sil = silhouette_score(Z, labels)
    diff = abs(out['quality']['silhouette'] - sil)
    check(label, 'rings silhouette reported vs sklearn', f'{diff:.1e}', '< 1e-9', diff < 1e-9)


def load_real():
    if not os.path.isdir(DATA):
        return None

    def read(name, cols):
        values = {}
        with open(os.path.join(DATA, name), encoding='utf-8') as fh:
            for row in csv.DictReader(fh):
                if row['zeitbezug'] == '2019':
                    values[row['kennziffer']] = [row[c] for c in cols]
        return values

    social = read('inkar_kreise_sozialleistungen.csv', ['q_SGBII'])
    economy = read('inkar_kreise_wirtschaft.csv', ['q_bip_et', 'q_übern_bev'])
    settlement = read('inkar_kreise_siedlungsstruktur.csv', ['q_bev_fl'])
    with open(os.path.join(DATA, 'inkar_kreise_400_nuts.csv'), encoding='utf-8') as fh:
        keys = [row['kennziffer'] for row in csv.DictReader(fh)]
    rows, missing = [], []
    for key in keys:
        values = social.get(key, ['']) + economy.get(key, ['', '']) + settlement.get(key, [''])
        if any(v == '' for v in values):
            missing.append(key)
        else:
            rows.append([float(v) for v in values])
    if missing:
        print(f'note: {len(missing)} Kreise without complete 2019 values left out: {missing}')
    with open(os.path.join(DATA, 'zkt_optionskommunen_komtrzv_2017.csv'), encoding='utf-8') as fh:
        zkt = {row['ags5'] + '000' for row in csv.DictReader(fh)}
    complete = [key for key in keys if key not in missing]
    return np.array(rows), [i for i, key in enumerate(complete) if key in zkt]


def main():
    rng = np.random.RandomState(20240601)
    datasets = [
        ('gaussian seed 0', np.random.RandomState(0).randn(50, 2), 3),
        ('blobs seed 1', make_blobs(n_samples=300, n_features=5, centers=6, random_state=1)[0], 6),
        ('uniform seed 2', np.random.RandomState(2).rand(1000, 8), 10),
        ('gaussian seed 3', np.random.RandomState(3).randn(2000, 3), 12),
        ('ring-sized seed 4', np.random.RandomState(4).randn(104, 6), 10),
        ('skewed seed 5', np.exp(rng.randn(600, 4)), 7),
    ]
    for name, X, k in datasets:
        verify(name, X, k)
    verify_rings('ring-sized seed 4', datasets[4][1], 10)
    verify_cli('blobs seed 1', datasets[1][1], 6)

    real = load_real()
    if real is None:
        print(f'note: {DATA} not found: real-data checks skipped')
    else:
        raw, zkt_rows = real
        ts = run_ts(raw, 'standardise', 0)
        transformed = raw.copy()
        transformed[:, -1] = np.log(transformed[:, -1])
        Z = StandardScaler().fit_transform(transformed)
        diff = float(np.max(np.abs(np.array(ts['matrix']) - Z)))
        check('INKAR 2019, 400 Kreise', 'z-scores (log density) vs StandardScaler', f'{diff:.1e}', '< 1e-9', diff < 1e-9)
        for k in (10, 15):
            verify('INKAR 2019, 400 Kreise', Z, k)
        if len(zkt_rows) >= 100:
            verify_rings(f'INKAR 2019, {len(zkt_rows)} zkT', Z[zkt_rows], 10)
        else:
            print(f'note: only {len(zkt_rows)} zkT matched to the 400 Kreise: real ring check skipped')

    width = max(len(r[0]) for r in results)
    wcheck = max(len(r[1]) for r in results)
    print(f"\n{'dataset':<{width}}  {'check':<{wcheck}}  {'value':>24}  {'target':>9}  result")
    for dataset, name, value, target, ok in results:
        verdict = 'PASS' if ok else 'FAIL'
        print(f'{dataset:<{width}}  {name:<{wcheck}}  {value:>24}  {target:>9}  {verdict}')
    failed = [r for r in results if not r[4]]
    print(f'\n{len(results) - len(failed)} passed, {len(failed)} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
