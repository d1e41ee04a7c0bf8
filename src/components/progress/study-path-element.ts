import { isAcknowledged } from '../../lib/progress/acknowledgments.ts';
import { studyProgress } from '../../lib/study/path.ts';
import { onProgressChange, readAll } from '../../client/local-store.ts';
import { stringsFrom } from '../../client/strings.ts';

/** Ticks the new hire's checklist from what this browser recorded: policies acknowledged, topics practised. */
class StudyPath extends HTMLElement {
  connectedCallback() {
    this.#render();
    onProgressChange(() => this.#render());
  }

  #render() {
    const t = stringsFrom(this);
    const read = readAll();
    const policyItems = [...this.querySelectorAll<HTMLElement>('li[data-policy-id]')];
    const topicItems = [...this.querySelectorAll<HTMLElement>('li[data-topic]')];
    const progress = studyProgress(
      policyItems.map((li) => ({ id: li.dataset['policyId'] ?? '', version: li.dataset['version'] ?? '' })),
      topicItems.map((li) => li.dataset['topic'] ?? ''),
      (id, version) => isAcknowledged(read.acks, id, version),
      new Set(read.practice.map((p) => p.topic)),
    );
    const mark = (li: HTMLElement, done: boolean) => {
      li.querySelector<HTMLElement>('.sp-done')!.hidden = !done;
      li.querySelector<HTMLElement>('.sp-todo')!.hidden = done;
    };
    policyItems.forEach((li, i) => mark(li, progress.policies[i]!.done));
    topicItems.forEach((li, i) => mark(li, progress.topics[i]!.done));
    this.querySelector('.sp-count')!.textContent = t('study.count', { done: progress.done, total: progress.total });
  }
}
customElements.define('study-path', StudyPath);
