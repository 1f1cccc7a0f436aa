import { describe, expect, it } from 'vitest';
import { planClips, wordsOf } from './clip-plan.ts';
import { CLIPS } from './voice-clips.ts';

describe('planClips', () => {
  it('says the default call with the two phrase clips and the number words', () => {
    const plan = planClips('Mời công dân có số thứ tự 1023 đến quầy số 5', CLIPS);
    expect(plan.missing).toEqual([]);
    expect(plan.clips).toEqual(['moi-cong-dan-co-so-thu-tu', '1', 'nghin', '0', 'tram', '2', 'muoi', '3', 'den-quay-so', '5']);
  });

  it('reads numbers with their special forms', () => {
    expect(planClips('21', CLIPS).clips).toEqual(['2', 'muoi', 'mot-1']);
    expect(planClips('15', CLIPS).clips).toEqual(['muoi-10', 'lam-5']);
    expect(planClips('104', CLIPS).clips).toEqual(['1', 'tram', 'linh', 'tu-4']);
  });

  it('spells a lettered ticket', () => {
    expect(planClips('Mời công dân có số thứ tự A015 đến quầy số 12', CLIPS).clips).toEqual([
      'moi-cong-dan-co-so-thu-tu', 'letter-a', '0', '1', '5', 'den-quay-so', 'muoi-10', '2',
    ]);
  });

  it('reports the words of a custom template that no clip covers', () => {
    const plan = planClips('Xin mời số 7 đến quầy 2', CLIPS);
    expect(plan.missing).toEqual(['xin']);
    expect(plan.clips).toEqual(['moi', 'so', '7', 'den-quay', '2']);
  });

  it('matches decomposed Unicode the same as composed', () => {
    expect(wordsOf('Mời'.normalize('NFD'))).toEqual(['mời']);
  });
});
