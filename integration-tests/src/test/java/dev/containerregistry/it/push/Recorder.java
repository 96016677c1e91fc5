package dev.containerregistry.it.push;

import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every progress update and blob event of a push. */
final class Recorder implements ProgressListener {

  final List<Progress> updates = new CopyOnWriteArrayList<>();
  final List<BlobEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onProgress(Progress progress) {
    updates.add(progress);
  }

  @Override
  public void onBlob(BlobEvent event) {
    events.add(event);
  }

  Progress last() {
    return updates.get(updates.size() - 1);
  }

  long bytesTransferred() {
    return events.stream().mapToLong(BlobEvent::bytesTransferred).sum();
  }

  /** True when neither figure ever went down. */
  boolean monotonic() {
    for (int i = 1; i < updates.size(); i++) {
      if (updates.get(i).total() < updates.get(i - 1).total()
          || updates.get(i).complete() < updates.get(i - 1).complete()) {
        return false;
      }
    }
    return true;
  }
}
