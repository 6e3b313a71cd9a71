package org.khronika.registry;

import java.util.List;

/**
 * One page of a list: {@code page} counts from 0.
 *
 * @param total how many records the list holds, or, if not {@code exact}, how many it
 * holds at least (a long list is counted only some pages ahead: counting it all would
 * cost every page a scan of the whole list)
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean exact) {

	public Page {
		items = List.copyOf(items);
	}

	/** A page of a list whose total is known. */
	public Page(List<T> items, int page, int size, long total) {
		this(items, page, size, total, true);
	}

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
