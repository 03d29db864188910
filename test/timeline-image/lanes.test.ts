import assert from 'node:assert/strict';
import { test } from 'node:test';
import { laneCount, placeLabels, type LabelPlace, type LabelRequest } from '../../src/timeline-image/lanes.ts';

const GEOMETRY = { left: 0, right: 600, gap: 5, padding: 8, minWidth: 120, truncationCost: 1 };

/** The x-extent of a placed mark and its text. */
function extent(request: LabelRequest, place: LabelPlace): [number, number] {
  return place.direction === 'right'
    ? [request.x0, request.x1 + GEOMETRY.gap + place.width]
    : [request.x0 - GEOMETRY.gap - place.width, request.x1];
}

test('GIVEN three events of one day WHEN labels are placed THEN they stack in three lanes, each text at full width', () => {
  const requests = [0, 1, 2].map(() => ({ x0: 100, x1: 107, width: 150 }));
  const places = placeLabels(requests, GEOMETRY);
  assert.deepEqual(places.map((p) => p.lane).sort(), [1, 2, 3]);
  assert.deepEqual(
    places.map((p) => p.width),
    [150, 150, 150],
  );
});

test('GIVEN events far apart WHEN labels are placed THEN they share the first lane', () => {
  const places = placeLabels(
    [
      { x0: 10, x1: 17, width: 100 },
      { x0: 300, x1: 307, width: 100 },
    ],
    GEOMETRY,
  );
  assert.deepEqual(places, [
    { lane: 1, direction: 'right', width: 100 },
    { lane: 1, direction: 'right', width: 100 },
  ]);
});

test('GIVEN an event at the right edge WHEN its label is placed THEN the text runs left of the mark, inside the canvas', () => {
  const [place] = placeLabels([{ x0: 580, x1: 587, width: 200 }], GEOMETRY);
  assert.deepEqual(place, { lane: 1, direction: 'left', width: 200 });
});

test('GIVEN forty crowded events WHEN labels are placed THEN no two in a lane overlap and all stay on the canvas', () => {
  const requests = Array.from({ length: 40 }, (_, i) => ({ x0: (i * 37) % 590, x1: ((i * 37) % 590) + 7, width: 90 + ((i * 53) % 120) }));
  const places = placeLabels(requests, GEOMETRY);
  for (let i = 0; i < requests.length; i++) {
    const [a0, a1] = extent(requests[i]!, places[i]!);
    assert.ok(a0 >= GEOMETRY.left && a1 <= GEOMETRY.right, `label ${i} leaves the canvas: ${a0}..${a1}`);
    for (let j = i + 1; j < requests.length; j++) {
      if (places[i]!.lane !== places[j]!.lane) continue;
      const [b0, b1] = extent(requests[j]!, places[j]!);
      assert.ok(a1 + GEOMETRY.padding <= b0 || b1 + GEOMETRY.padding <= a0, `labels ${i} and ${j} overlap in lane ${places[i]!.lane}`);
    }
  }
  assert.ok(laneCount(places) < 40);
});

test('GIVEN a label whole only on the left, two lanes up WHEN cuts cost a lane THEN it is cut on the right; WHEN cuts cost more THEN it stacks whole', () => {
  const requests = [
    { x0: 100, x1: 107, width: 150 },
    { x0: 100, x1: 107, width: 150 },
    { x0: 460, x1: 467, width: 250 },
  ];
  assert.deepEqual(placeLabels(requests, GEOMETRY)[2], { lane: 1, direction: 'right', width: 128 });
  assert.deepEqual(placeLabels(requests, { ...GEOMETRY, truncationCost: Infinity })[2], { lane: 3, direction: 'left', width: 250 });
});
