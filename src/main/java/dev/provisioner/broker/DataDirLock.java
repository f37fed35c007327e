package dev.provisioner.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on a data directory, taken before Kafka touches it: Kafka locks its log
 * directories only once the controller has already opened the metadata log, so a second broker
 * on the same directory could write there before it fails.
 */
final class DataDirLock implements AutoCloseable {

  private static final String FILE = ".local-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by another broker in this JVM: reported below like one in another process
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BrokerStartException("cannot use " + dir + " as the Kafka data directory: " + e, e);
    }
    closeQuietly(channel);
    throw new BrokerStartException("another broker is using the data directory " + dir
        + "; stop it or choose another directory");
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close below releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing is left to release
    }
  }
}
