/** The silence builder's preview matches as the server silences, and the dependency graph points every arrow at a dependency. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commonLabels, compileRows, previewSilence, rowsFromLabels } from '../../web/src/domains/alerts/silence-builder.js';
import { columns, layoutGraph } from '../../web/src/domains/catalog/graph-layout.js';

const alert = (id: string, status: string, labels: Record<string, string>, serviceId = 'svc-a') => ({ id, status, labels, serviceId });
const ALERTS = [
  alert('1', 'triggered', { alertname: 'CheckoutLatency', region: 'eu-west' }),
  alert('2', 'acknowledged', { alertname: 'CheckoutErrors', region: 'eu-west' }),
  alert('3', 'triggered', { alertname: 'CheckoutLatency', region: 'us-east' }),
  alert('4', 'resolved', { alertname: 'CheckoutLatency', region: 'eu-west' }),
  alert('5', 'triggered', { alertname: 'CheckoutLatency', region: 'eu-west' }, 'svc-b'),
];

describe('silence builder', () => {
  test('each operator previews the open alerts it would silence', () => {
    const cases: Array<[Parameters<typeof compileRows>[0], string, string[]]> = [
      [[{ name: 'alertname', op: '=', value: 'CheckoutLatency' }], '', ['1', '3', '5']],
      [[{ name: 'alertname', op: '=', value: 'CheckoutLatency' }], 'svc-a', ['1', '3']],
      [[{ name: 'region', op: '!=', value: 'eu-west' }], '', ['3']],
      [[{ name: 'alertname', op: '=~', value: 'Checkout.*' }, { name: 'region', op: '=', value: 'eu-west' }], '', ['1', '2', '5']],
      [[{ name: 'alertname', op: '!~', value: '.*Latency' }], '', ['2']],
      [[{ name: 'alertname', op: '=~', value: 'Checkout' }], '', [], ],
      [[{ name: 'team', op: '=', value: '' }, { name: '', op: '=', value: '' }], 'svc-b', ['5']],
    ];
    for (const [rows, serviceId, expected] of cases) {
      const compiled = compileRows(rows);
      assert.ok('matchers' in compiled, JSON.stringify(compiled));
      assert.deepEqual(previewSilence(compiled.matchers, ALERTS, serviceId).map((a) => a.id), expected, JSON.stringify(rows));
    }
  });

  test('a bad row is named by its index and field before anything is sent', () => {
    assert.deepEqual(compileRows([{ name: 'alertname', op: '=', value: 'x' }, { name: '9lives', op: '=', value: 'x' }]), { row: 1, field: 'name', error: 'a label name: letters, digits, _ . - (not starting with a digit)' });
    const bad = compileRows([{ name: 'alertname', op: '=~', value: '(' }]);
    assert.ok('row' in bad && bad.row === 0 && bad.field === 'value' && /not a valid regular expression/.test(bad.error));
    assert.ok('row' in compileRows([{ name: '', op: '=', value: '' }]), 'at least one matcher');
  });

  test('a group without group labels starts from the labels all its alerts share', () => {
    assert.deepEqual(commonLabels(ALERTS.slice(0, 3).map((a) => ({ labels: { ...a.labels, service: 'checkout' } }))), { service: 'checkout' });
    assert.deepEqual(commonLabels([ALERTS[0]!, ALERTS[3]!]), { alertname: 'CheckoutLatency', region: 'eu-west' });
    assert.deepEqual(commonLabels([]), {});
  });

  test('a group’s labels start the builder as = rows', () => {
    assert.deepEqual(rowsFromLabels({ alertname: 'CheckoutLatency', service: 'checkout-api' }), [
      { name: 'alertname', op: '=', value: 'CheckoutLatency' },
      { name: 'service', op: '=', value: 'checkout-api' },
    ]);
  });
});

describe('dependency graph layout', () => {
  const services = [
    { id: 'web', name: 'web', dependsOn: ['api'] },
    { id: 'api', name: 'api', dependsOn: ['db', 'cache'] },
    { id: 'db', name: 'db', dependsOn: [] },
    { id: 'cache', name: 'cache', dependsOn: ['db'] },
    { id: 'batch', name: 'batch', dependsOn: ['db', 'gone'] },
  ];

  test('a service stands one column right of its deepest dependency', () => {
    assert.deepEqual(Object.fromEntries(columns(services)), { web: 3, api: 2, db: 0, cache: 1, batch: 1 });
  });

  test('every edge runs from a dependent to its dependency, leftwards, and unknown ids are left out', () => {
    const { nodes, edges, width, height } = layoutGraph(services);
    assert.equal(nodes.length, 5);
    assert.deepEqual(edges.map((e) => `${e.from.id}->${e.to.id}`).sort(), ['api->cache', 'api->db', 'batch->db', 'cache->db', 'web->api']);
    for (const e of edges) assert.ok(e.to.x < e.from.x);
    for (const n of nodes) assert.ok(n.x >= 0 && n.y >= 0 && n.x < width && n.y < height);
    const inColumnOne = nodes.filter((n) => n.column === 1).map((n) => [n.name, n.row]);
    assert.deepEqual(inColumnOne, [['batch', 0], ['cache', 1]]);
  });

  test('a cycle does not hang the layout', () => {
    const { nodes } = layoutGraph([{ id: 'a', name: 'a', dependsOn: ['b'] }, { id: 'b', name: 'b', dependsOn: ['a'] }]);
    assert.equal(nodes.length, 2);
  });
});
