package io.ordo.engine.runtime.execution.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The item states of a FOR_EACH: an immutable map from item index to state, backed by an array
 * and iterated in index order. Every item event copies it, so copying must be one arraycopy, not
 * a rehash: with a hash map a FOR_EACH of 10,000 in-process items took seconds in one command.
 */
final class ItemStates extends AbstractMap<Integer, StepState> {

  static final ItemStates EMPTY = new ItemStates(new StepState[0], 0);

  private final StepState[] items;
  private final int size;

  private ItemStates(StepState[] items, int size) {
    this.items = items;
    this.size = size;
  }

  static ItemStates copyOf(Map<Integer, StepState> source) {
    if (source instanceof ItemStates items) {
      return items;
    }
    ItemStates copy = EMPTY;
    for (StepState item : source.values()) {
      copy = copy.with(item);
    }
    return copy;
  }

  ItemStates with(StepState item) {
    int index = item.item();
    StepState[] copy = Arrays.copyOf(items, Math.max(items.length, index + 1));
    boolean added = copy[index] == null;
    copy[index] = item;
    return new ItemStates(copy, added ? size + 1 : size);
  }

  @Override
  public StepState get(Object key) {
    return key instanceof Integer i && i >= 0 && i < items.length ? items[i] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<Integer, StepState>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Integer, StepState>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < items.length && items[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < items.length;
          }

          @Override
          public Entry<Integer, StepState> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            var entry = new SimpleImmutableEntry<>(next, items[next]);
            next = advance(next + 1);
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
