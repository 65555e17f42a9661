import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Build step of adapter-cli, run after the shade plugin (java source-file mode, ASM on the class
 * path): rewrites every class file in the executable jar whose major version is below 50 (Java 5
 * and older: picocli, Joda-Time, sqlite4java, annotation jars) to major 52 (Java 8), with
 * {@code jsr}/{@code ret} inlined and stack-map frames computed.
 *
 * <p>Why: class-data sharing cannot archive pre-Java-6 class files (they need the old inference
 * verifier), so on Java 17 every one of them is parsed and verified from the jar on each start
 * (picocli: 175 classes on the path of {@code ddbm schema validate}). Version 52 class files are
 * verified by type checking and go into the archive.
 *
 * <p>Frames need the common superclass of two types; it is computed from the jar's own classes
 * and, for the JDK's, from the running JDK, never by guessing: a class whose frames need a type
 * that is in neither is left unchanged and named (the build then fails; see {@code --allow-old}).
 *
 * <p>Usage: {@code java -cp <asm jars> ClassVersionUpgrade <jar>}. The jar is replaced atomically;
 * entry order, times and every other byte stay as they were.
 */
public final class ClassVersionUpgrade {
  static final int TARGET = Opcodes.V1_8;
  static final int FIRST_ARCHIVABLE_MAJOR = 50;

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    Map<String, Integer> upgraded = new TreeMap<>();
    List<String> refused = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Hierarchy hierarchy = new Hierarchy(zip);
      try (OutputStream fo = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(fo)) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          byte[] bytes;
          try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readAllBytes();
          }
          if (!e.isDirectory() && e.getName().endsWith(".class") && major(bytes) < FIRST_ARCHIVABLE_MAJOR) {
            try {
              bytes = upgrade(bytes, hierarchy);
              upgraded.merge(packageOf(e.getName()), 1, Integer::sum);
            } catch (RuntimeException failure) {
              refused.add(e.getName() + ": " + failure.getMessage());
            }
          }
          ZipEntry copy = new ZipEntry(e.getName());
          copy.setTime(e.getTime());
          if (e.getComment() != null) {
            copy.setComment(e.getComment());
          }
          if (e.getExtra() != null) {
            copy.setExtra(e.getExtra());
          }
          out.putNextEntry(copy);
          out.write(bytes);
          out.closeEntry();
        }
      }
    } catch (IOException | RuntimeException failure) {
      Files.deleteIfExists(tmp);
      throw failure;
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    int total = upgraded.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("[class-version-upgrade] " + jar.getFileName() + ": " + total + " class files below major "
        + FIRST_ARCHIVABLE_MAJOR + " rewritten to major 52, by package: " + upgraded);
    if (!refused.isEmpty()) {
      refused.forEach(r -> System.err.println("[class-version-upgrade] left unchanged: " + r));
      if (!List.of(args).contains("--allow-old")) {
        System.err.println("[class-version-upgrade] " + refused.size() + " class files could not be rewritten (see above)");
        System.exit(1);
      }
    }
  }

  static int major(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  static String packageOf(String entry) {
    int slash = entry.lastIndexOf('/');
    return slash < 0 ? "" : entry.substring(0, slash).replace('/', '.');
  }

  static byte[] upgrade(byte[] bytes, Hierarchy hierarchy) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return hierarchy.commonSuperClass(a, b);
      }
    };
    ClassVisitor versioned = new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(TARGET, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        // class files from 51 on may not contain jsr/ret: inline the subroutines
        return new JSRInlinerAdapter(super.visitMethod(access, name, descriptor, signature, exceptions), access, name, descriptor, signature,
            exceptions);
      }
    };
    reader.accept(versioned, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /** Superclass and interface facts of the jar's classes, then of the running JDK's. */
  static final class Hierarchy {
    private final Map<String, String> superOf = new HashMap<>();
    private final Set<String> interfaces = new java.util.HashSet<>();

    Hierarchy(ZipFile zip) throws IOException {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String n = e.getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
          try (InputStream in = zip.getInputStream(e)) {
            ClassReader r = new ClassReader(in.readAllBytes());
            superOf.put(r.getClassName(), r.getSuperName());
            if ((r.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
              interfaces.add(r.getClassName());
            }
          }
        }
      }
    }

    String commonSuperClass(String a, String b) {
      if (isInterface(a) || isInterface(b)) {
        return "java/lang/Object"; // the verifier treats interface types as Object
      }
      Set<String> ofA = new LinkedHashSet<>();
      for (String t = a; t != null; t = superName(t)) {
        ofA.add(t);
      }
      for (String t = b; t != null; t = superName(t)) {
        if (ofA.contains(t)) {
          return t;
        }
      }
      return "java/lang/Object";
    }

    private boolean isInterface(String type) {
      if (superOf.containsKey(type)) {
        return interfaces.contains(type);
      }
      return jdk(type).isInterface();
    }

    private String superName(String type) {
      if (superOf.containsKey(type)) {
        return superOf.get(type);
      }
      Class<?> s = jdk(type).getSuperclass();
      return s == null ? null : s.getName().replace('.', '/');
    }

    private static Class<?> jdk(String type) {
      try {
        return Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("stack-map frames need type " + type + ", which is neither in the jar nor in the JDK");
      }
    }
  }
}
