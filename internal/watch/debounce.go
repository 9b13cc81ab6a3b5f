package watch

import "time"

// debounce holds a batch back until no change has come for a while.
type debounce struct {
	wait  time.Duration
	timer *time.Timer
	ready bool  // the timer fired and the batch is waiting to be received
	next  Batch // the pending changes as a Batch, once ready
}

func newDebounce(wait time.Duration) *debounce {
	d := &debounce{wait: wait, timer: time.NewTimer(wait)}
	d.timer.Stop()
	return d
}

// restart waits again after a change: the batch is not ready.
func (d *debounce) restart() {
	d.ready = false
	d.timer.Reset(d.wait)
}

// fire makes the batch ready, if anything changed.
func (d *debounce) fire(p *pending) {
	if !p.empty() {
		d.next, d.ready = p.batch(), true
	}
}

// outbox is where the batch goes: nil (never chosen by select) until it is
// ready.
func (d *debounce) outbox(events chan Batch) chan<- Batch {
	if d.ready {
		return events
	}
	return nil
}
