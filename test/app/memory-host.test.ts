import { createMemoryHostUnderTest } from "./memory-host-under-test";
import { describeUseCases } from "./use-case-tests";

describeUseCases("the in-memory host", createMemoryHostUnderTest);
